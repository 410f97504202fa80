"""What every request handler of the sandbox shares: ids, keys, ledger, switches, limits."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from payments.sandbox.behaviours import Behaviour, Switches, from_code
from payments.sandbox.keys import SandboxKeys
from payments.sandbox.ledger import Ledger


@dataclass(frozen=True)
class WechatIds:
    """The WeChat Pay accounts the sandbox knows (the values of the docs' own examples)."""

    appid: str = "wxd678efh567hg6787"
    mchid: str = "1230000109"  # direct merchant
    sp_appid: str = "wx8888888888888888"  # partner (服务商) form
    sp_mchid: str = "1900000100"
    sub_mchid: str = "1900000109"
    merchant_serial: str = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"  # the merchant's cert serial
    platform_public_key_id: str = "PUB_KEY_ID_0112300001092024121800000000000001"
    api_v3_key: str = "R3dh0meP0sSandb0xApiV3Key2024abc"  # 32 bytes; the sandbox needs it not
    api_v2_key: str = "192006250b4c09247ec02edce69f6a2d"  # APIv2 MD5/HMAC key (the docs' example)

    def merchants(self) -> set[str]:
        return {self.mchid, self.sub_mchid}


@dataclass(frozen=True)
class AlipayIds:
    app_id: str = "2014072300007148"  # the docs' example app id
    seller_id: str = "2088102146225135"  # the merchant's PID


@dataclass(frozen=True)
class Limits:
    wechat_timestamp_tolerance_s: float = 300.0  # Authorization timestamp within 5 minutes
    alipay_timestamp_tolerance_s: float = 900.0  # our assumption; the docs give no figure
    wechat_reverse_window_s: float = 7 * 86400.0  # reverse only within 7 days
    alipay_cancel_window_s: float = 86400.0  # our assumption: a day
    wechat_bill_url_ttl_s: float = 300.0  # download_url valid 5 minutes
    alipay_bill_url_ttl_s: float = 30.0  # bill_download_url valid 30 seconds
    bill_ready_hour: int = 9  # a day's bill exists from 09:00 China time the next day


@dataclass
class BillToken:
    provider: str
    merchant: str
    day: str  # YYYY-MM-DD
    expires_at: float
    gzip: bool = False


@dataclass
class Sandbox:
    keys: SandboxKeys
    ledger: Ledger
    wechat: WechatIds = field(default_factory=WechatIds)
    alipay: AlipayIds = field(default_factory=AlipayIds)
    limits: Limits = field(default_factory=Limits)
    switches: Switches = field(default_factory=Switches)
    base_url: str = ""
    bills_anytime: bool = False  # the demo may ask for today's bill
    bill_tokens: dict[str, BillToken] = field(default_factory=dict)
    busy_s: float = 0.0
    _busy_lock: threading.Lock = field(default_factory=threading.Lock)

    def behaviour(self, provider: str, method: str, code: str | None = None) -> Behaviour:
        switched = self.switches.take(provider, method)
        if switched is not None:
            return switched
        if code is not None:
            return from_code(code)
        return Behaviour()

    def add_busy(self, seconds: float) -> None:
        with self._busy_lock:
            self.busy_s += seconds

    def new_bill_token(
        self, provider: str, merchant: str, day: str, ttl_s: float, gzip: bool = False
    ) -> str:
        token = secrets.token_urlsafe(24)
        expires = self.ledger.now() + ttl_s
        self.bill_tokens[token] = BillToken(provider, merchant, day, expires, gzip)
        return token

    def bill_token(self, token: str) -> BillToken | None:
        found = self.bill_tokens.get(token)
        if found is None or found.expires_at < self.ledger.now():
            return None
        return found


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    received_at: float = field(default_factory=time.time)

    @property
    def target(self) -> str:
        """The path and query as sent: what WeChat Pay's signature covers."""
        return self.path + ("?" + self.query if self.query else "")

    def header(self, name: str) -> str:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return ""


@dataclass
class Answer:
    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    lost: bool = False  # drop the connection instead of answering
    delay_s: float = 0.0  # answer this much later


def apply_transport(answer: Answer, behaviour: Behaviour) -> Answer:
    """Lost-after and slow behaviours act on the answer once the call was applied."""
    if behaviour.name == "lost_after":
        answer.lost = True
    elif behaviour.name == "slow":
        answer.delay_s = behaviour.seconds
    return answer
