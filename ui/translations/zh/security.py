# ruff: noqa: E501
"""Chinese for the security messages: badges, store codes, the audit log, files and input."""

ZH: dict[str, str] = {
    "No badge {badge_id}": "没有编号为 {badge_id} 的工牌",
    "This badge is from before badges could be revoked: ask a manager for a new one": "这是旧式工牌（无法单独作废）：请向店长领取新工牌",
    "This badge was revoked: ask a manager for a new one": "这个工牌已作废：请向店长领取新工牌",
    "This store accepts only the badges its back office issues: log in with your PIN": "本店只接受后台发放的工牌：请用密码登录",
    "This store code has characters no store code has (only letters, digits, '-' and '.'): it was refused": "这个门店码含有门店码不会有的字符（只能是字母、数字、“-”和“.”）：已拒绝",
    "{name}: type your PIN as well": "{name}：还需输入密码",
    "{name} has no badge to revoke": "{name} 没有可作废的工牌",
    "Revoke badge": "作废工牌",
    "A return by the receipt number alone needs a manager: scan the code on the receipt, or ask a manager to approve": "仅凭小票号退货需要店长：请扫描小票上的二维码，或请店长批准",
    "A return by the receipt number alone needs a manager's approval, not a supervisor's: scan the code on the receipt, or ask a manager": "仅凭小票号退货需要店长批准（主管批准不够）：请扫描小票上的二维码，或请店长批准",
    "The text has a control character (U+{codepoint:04X}) that cannot be saved: remove it and try again": "文字中含有无法保存的控制字符（U+{codepoint:04X}）：请删除后重试",
    "{quantity} units at once is beyond what a store handles (at most {limit}): check the quantity": "一次 {quantity} 件超出门店的合理范围（最多 {limit} 件）：请检查数量",
    "A quantity is a whole number of units, not {quantity}": "数量必须是整数件，不能是 {quantity}",
    "The file's encoding is not recognised (it looks like {encoding}): save it as CSV UTF-8 and try again": "无法识别文件的编码（看起来是 {encoding}）：请另存为 CSV UTF-8 后重试",
    "The online store call {method} was redirected (HTTP {status}): redirects are not followed": "线上店铺接口 {method} 被重定向（HTTP {status}）：不跟随重定向",
    "The online store's answer to {method} is larger than {size} MB: it was not read": "线上店铺对 {method} 的应答超过 {size} MB：未读取",
    "Online order {order} was already handed over on {when} by {name} at till {terminal}: do not hand it over again": "线上订单 {order} 已于 {when} 由 {name} 在收银台 {terminal} 交付：请勿重复交付",
    "Online order {order} was already shipped on {when} by {name} at till {terminal}: do not hand it over": "线上订单 {order} 已于 {when} 由 {name} 在收银台 {terminal} 发货：请勿交付",
}
