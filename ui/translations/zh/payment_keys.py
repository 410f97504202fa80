# ruff: noqa: E501
"""Chinese for the payment keys sealed at rest (``redhome-pos payments key``) and the key files'
messages of the configuration."""

ZH: dict[str, str] = {
    "No configuration folder to keep the sealed keys in": "没有用于存放加密密钥的配置文件夹",
    "The stored {what} ({path}) cannot be read: {detail}": "无法读取已保存的{what}（{path}）：{detail}",
    "The stored {what} cannot be decrypted with this computer's secrets key (the keyring entry or keys/secrets.key beside the configuration was lost, replaced or restored from elsewhere). Restore that key from the backup, or store the payment key again: redhome-pos payments key set {slot}": "已保存的{what}无法用本机的加密密钥解密（系统密钥环中的条目或配置旁的 keys/secrets.key 已丢失、被替换或从别处恢复）。请从备份恢复该密钥，或重新保存支付密钥：redhome-pos payments key set {slot}",
    "The stored {what} is not an RSA private key": "已保存的{what}不是 RSA 私钥",
    "The {what} could not be sealed": "无法加密保存{what}",
    "The {what} is 32 characters (letters, digits, signs), as set on the merchant platform": "{what}为 32 个字符（字母、数字或符号），与商户平台上设置的一致",
    "The {what} is not stored: a manager stores it with redhome-pos payments key set {slot} --from-file FILE --staff CODE": "{what}未保存：请店长用 redhome-pos payments key set {slot} --from-file FILE --staff CODE 保存",
    "There is no payment key called {name}: use one of {names}": "没有名为 {name} 的支付密钥：可用的有 {names}",
    "What was given for the {what} is not an RSA private key (PEM or base64)": "提供的{what}不是 RSA 私钥（PEM 或 base64）",
    "must be true or false": "必须是 true 或 false",
    "the configuration file does not exist": "配置文件不存在",
    "the key file is too short: restore it from a backup": "密钥文件太短：请从备份恢复",
    # the slots' names, filled into the messages above as {what}
    "WeChat Pay merchant private key": "微信支付商户私钥",
    "WeChat Pay API client key": "微信支付 API 客户端私钥",
    "WeChat Pay API v3 key": "微信支付 APIv3 密钥",
    "WeChat Pay API v2 key": "微信支付 APIv2 密钥",
    "Alipay app private key": "支付宝应用私钥",
}
