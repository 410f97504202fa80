"""A day's bill built from the sandbox's own charges and refunds, in each provider's format.

WeChat Pay trade bill (``bill_type`` ALL, SUCCESS or REFUND): a header line, one line per
payment or refund with every field prefixed by a backtick, then a summary header and a
summary line (backticks again). Amounts in yuan. Lines end with CRLF; UTF-8.

Alipay trade bill: a zip holding ``<pid>0156_<yyyymmdd>_业务明细.csv`` and
``…_业务明细(汇总).csv``, GBK-encoded, with ``#`` comment lines around the detail table; refund
lines carry negative amounts and the refund request number. Values end with a tab, as the
provider's files do, so spreadsheets keep long numbers intact.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

from payments.sandbox.ledger import CHINA, Order, Refund


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def china_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, CHINA).strftime("%Y-%m-%d %H:%M:%S")


# --- WeChat Pay ------------------------------------------------------------------------------

_COMMON = (
    "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
    "交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
)
WECHAT_HEADERS = {
    "ALL": _COMMON + "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
    "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注",
    "SUCCESS": _COMMON + "商品名称,商户数据包,手续费,费率,订单金额,费率备注",
    "REFUND": _COMMON + "退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,"
    "充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,"
    "费率备注",
}
_REFUND_SUMMARY = (
    "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"
)
WECHAT_SUMMARY_HEADERS = {
    "ALL": _REFUND_SUMMARY,
    "SUCCESS": "总交易单数,应结订单总金额,手续费总金额,订单总金额",
    "REFUND": _REFUND_SUMMARY,
}
RATE = "0.60%"


def _ticked(values: list[str]) -> str:
    return ",".join("`" + value for value in values)


def wechat_trade_bill(
    payments: list[Order], refunds: list[Refund], orders: dict[str, Order], bill_type: str,
    partner: bool,
) -> bytes:  # fmt: skip
    """The WeChat Pay trade bill text. ``orders`` maps out_trade_no to the order of a refund."""
    lines = [WECHAT_HEADERS[bill_type]]
    paid_total = fee_total = refund_total = 0
    count = 0
    if bill_type in ("ALL", "SUCCESS"):
        for order in payments:
            assert order.paid_at is not None
            head = _wechat_order_fields(order, china_time(order.paid_at), "SUCCESS", partner)
            money = [yuan(order.amount_fen), "0.00"]
            if bill_type == "ALL":
                tail = ["0", "0", "0.00", "0.00", "", "", order.description, "",
                        yuan(order.fee_fen), RATE, yuan(order.amount_fen), "0.00", ""]  # fmt: skip
            else:
                tail = [order.description, "", yuan(order.fee_fen), RATE,
                        yuan(order.amount_fen), ""]  # fmt: skip
            lines.append(_ticked(head + money + tail))
            count += 1
            paid_total += order.amount_fen
            fee_total += order.fee_fen
    if bill_type in ("ALL", "REFUND"):
        for refund in refunds:
            order = orders[refund.out_trade_no]
            status = "SUCCESS"
            head = _wechat_order_fields(order, china_time(refund.created_at), "REFUND", partner)
            if bill_type == "REFUND":
                money = [yuan(order.amount_fen), "0.00", china_time(refund.created_at),
                         china_time(refund.success_at)]  # fmt: skip
            else:
                money = [yuan(order.amount_fen), "0.00"]
            tail = [refund.refund_id, refund.out_refund_no, yuan(refund.amount_fen), "0.00",
                    "ORIGINAL", status, order.description, "", yuan(-refund.fee_fen), RATE,
                    yuan(order.amount_fen), yuan(refund.amount_fen), ""]  # fmt: skip
            lines.append(_ticked(head + money + tail))
            count += 1
            refund_total += refund.amount_fen
            fee_total -= refund.fee_fen
            if bill_type == "REFUND":
                paid_total += order.amount_fen
    lines.append(WECHAT_SUMMARY_HEADERS[bill_type])
    if bill_type == "SUCCESS":
        summary = [str(count), yuan(paid_total), yuan(fee_total), yuan(paid_total)]
    else:
        summary = [str(count), yuan(paid_total), yuan(refund_total), "0.00", yuan(fee_total),
                   yuan(paid_total), yuan(refund_total)]  # fmt: skip
    lines.append(_ticked(summary))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _wechat_order_fields(order: Order, when: str, state: str, partner: bool) -> list[str]:
    return [
        when, order.appid, order.extra.get("sp_mchid", order.merchant) if partner else
        order.merchant, order.merchant if partner else "0", order.extra.get("device_id", ""),
        order.transaction_id, order.out_trade_no, order.extra.get("openid", ""), "MICROPAY", state,
        "OTHERS", "CNY",
    ]  # fmt: skip


# --- Alipay ------------------------------------------------------------------------------------

ALIPAY_DETAIL_HEADER = (
    "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
    "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,"
    "券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,"
    "分润（元）,备注"
)
ALIPAY_SUMMARY_HEADER = (
    "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,"
    "商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）"
)


def alipay_file_stem(pid: str, day: date) -> str:
    return f"{pid}0156_{day:%Y%m%d}"


def _cn_day(day: date) -> str:
    return f"{day:%Y}年{day:%m}月{day:%d}日"


def alipay_bill_zip(
    pid: str, day: date, payments: list[Order], refunds: list[Refund],
    orders: dict[str, Order], exported_at: float,
) -> bytes:  # fmt: skip
    account = f"#账号：[{pid}0156]"
    period = (
        f"#起始日期：[{_cn_day(day)} 00:00:00]   "
        f"终止日期：[{_cn_day(date.fromordinal(day.toordinal() + 1))} 00:00:00]"
    )
    exported = datetime.fromtimestamp(exported_at, CHINA).strftime("%Y年%m月%d日 %H:%M:%S")
    rows: list[list[str]] = []
    for order in payments:
        assert order.paid_at is not None
        rows.append([
            order.transaction_id, order.out_trade_no, "交易", order.description,
            china_time(order.created_at), china_time(order.paid_at),
            order.extra.get("store_id", ""), "", "", order.extra.get("terminal_id", ""),
            order.extra.get("buyer_logon_id", ""), yuan(order.amount_fen), yuan(order.amount_fen),
            "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", "",
            yuan(-order.fee_fen), "0.00", "",
        ])  # fmt: skip
    for refund in refunds:
        order = orders[refund.out_trade_no]
        rows.append([
            order.transaction_id, order.out_trade_no, "退款", order.description,
            china_time(order.created_at), china_time(refund.created_at),
            order.extra.get("store_id", ""), "", "", order.extra.get("terminal_id", ""),
            order.extra.get("buyer_logon_id", ""), yuan(-refund.amount_fen),
            yuan(-refund.amount_fen), "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00",
            refund.out_refund_no, yuan(refund.fee_fen), "0.00", "",
        ])  # fmt: skip
    detail = ["#支付宝业务明细查询", account, period,
              "#-----------------------------------------业务明细列表----------------------------------------",
              ALIPAY_DETAIL_HEADER]  # fmt: skip
    detail += [",".join(value + "\t" for value in row) for row in rows]
    detail += [
        "#-----------------------------------------业务明细列表结束------------------------------------",
        f"#交易合计：{len(payments)}笔，退款合计：{len(refunds)}笔",
        f"#导出时间：[{exported}]",
    ]
    paid = sum(o.amount_fen for o in payments)
    back = sum(r.amount_fen for r in refunds)
    fees = sum(o.fee_fen for o in payments) - sum(r.fee_fen for r in refunds)
    summary = [
        "#支付宝业务汇总查询", account, period, ALIPAY_SUMMARY_HEADER,
        ",".join(value + "\t" for value in [
            "", "合计", str(len(payments)), str(len(refunds)), yuan(paid - back), yuan(paid - back),
            "0.00", "0.00", "0.00", yuan(-fees), "0.00", yuan(paid - back - fees),
        ]),
        f"#导出时间：[{exported}]",
    ]  # fmt: skip
    stem = alipay_file_stem(pid, day)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{stem}_业务明细.csv", ("\r\n".join(detail) + "\r\n").encode("gbk"))
        archive.writestr(
            f"{stem}_业务明细(汇总).csv", ("\r\n".join(summary) + "\r\n").encode("gbk")
        )
    return buffer.getvalue()
