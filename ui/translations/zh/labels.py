# ruff: noqa: E501
"""Chinese for lot labels (printers/lot_labels.py, the GS1-128 on labels, the receiving screen's
label button)."""

ZH: dict[str, str] = {
    # receiving screen (ui/backoffice/inventory.py)
    "Copies of each: ": "每个批号打印份数：",
    "Print lot labels": "打印批号标签",
    "GS1 DataMatrix (small labels)": "GS1 二维码 DataMatrix（小标签）",
    "No printer is set up: lot labels cannot be printed": "未设置打印机，无法打印批号标签",
    "Lot labels sent to printer {printer}: {lots} lot(s) × {copies}": "批号标签已发送到打印机 {printer}：{lots} 个批号 × {copies} 份",
    # errors of printing lot labels
    "Cannot print {code!r} as a GS1 barcode: {detail}": "无法将 {code!r} 打印为 GS1 条码：{detail}",
    "Copies must be between 1 and {most}": "份数须在 1 到 {most} 之间",
    "Delivery {delivery} has no lots received: nothing to label": "到货单 {delivery} 没有按批号收货的商品，无标签可打印",
    "Lot {lot} of {code} has a sign a GS1 barcode cannot carry (letters, digits and !\"%&'()*+,-./:;<=>?_ only)": "{code} 的批号 {lot} 含有 GS1 条码不能承载的符号（只能用字母、数字和 !\"%&'()*+,-./:;<=>?_）",
    "No printer named {printer} is set up": "未设置名为 {printer} 的打印机",
    "The GS1-128 barcode needs {needed} dots but the paper has {width}: use a wider label or a shorter lot number": "GS1-128 条码需要 {needed} 点宽，纸张只有 {width} 点：请换用更宽的标签或更短的批号",
    "There is no delivery {delivery}": "没有到货单 {delivery}",
    "{code} has no GTIN barcode (EAN-13, UPC-A, EAN-8, GTIN-14) to print on a lot label": "{code} 没有可印在批号标签上的 GTIN 条码（EAN-13、UPC-A、EAN-8、GTIN-14）",
    "{code} is not a product in the catalog": "{code} 不是商品目录中的商品",
    "A GS1 DataMatrix cannot be made of {code}: a bracket inside a field; print a GS1-128 instead": "无法生成 {code} 的 GS1 DataMatrix：字段中含有括号，请改印 GS1-128",
    "A GS1 DataMatrix cannot be made of {code}: {detail}": "无法生成 {code} 的 GS1 DataMatrix：{detail}",
    "GS1 DataMatrix needs treepoem and Ghostscript installed": "打印 GS1 DataMatrix 需要安装 treepoem 和 Ghostscript",
    "The GS1 DataMatrix needs {needed} dots but the paper has {width}": "GS1 DataMatrix 需要 {needed} 点宽，纸张只有 {width} 点",
}
