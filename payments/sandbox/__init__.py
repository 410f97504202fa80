"""The payments sandbox: WeChat Pay and Alipay on loopback, for tests and the demo.

Written from the providers' public documents only; it never imports the program's payment
adapters nor anything of ``redhome_pos`` (an import-linter contract keeps it so).
"""

from payments.sandbox.behaviours import CHARGE_BEHAVIOURS, SUFFIXES
from payments.sandbox.context import AlipayIds, Limits, WechatIds
from payments.sandbox.handle import PaymentsSandboxHandle, start_payments_sandbox

__all__ = [
    "CHARGE_BEHAVIOURS",
    "SUFFIXES",
    "AlipayIds",
    "Limits",
    "PaymentsSandboxHandle",
    "WechatIds",
    "start_payments_sandbox",
]
