"""Running the payments sandbox in a background thread, and steering it from Python."""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from payments.sandbox.alipay import GATEWAY_PATH
from payments.sandbox.behaviours import Switch
from payments.sandbox.context import AlipayIds, Limits, Sandbox, WechatIds
from payments.sandbox.keys import sandbox_keys
from payments.sandbox.ledger import Ledger
from payments.sandbox.server import PaymentsServer, state_snapshot


@dataclass
class PaymentsSandboxHandle:
    """A payments sandbox serving on loopback in a thread of this process."""

    server: PaymentsServer
    thread: threading.Thread
    _tempdir: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    @property
    def sandbox(self) -> Sandbox:
        return self.server.sandbox

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def wechat_base_url(self) -> str:
        """Where ``/v3/...`` and the APIv2 ``/pay/...`` paths are served."""
        return self.base_url

    @property
    def alipay_gateway_url(self) -> str:
        return self.base_url + GATEWAY_PATH

    @property
    def wechat(self) -> WechatIds:
        return self.sandbox.wechat

    @property
    def alipay(self) -> AlipayIds:
        return self.sandbox.alipay

    @property
    def key_dir(self) -> Path:
        return self.sandbox.keys.directory

    def state(self) -> dict[str, Any]:
        return state_snapshot(self.sandbox)

    def order(self, provider: str, out_trade_no: str) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.state()["orders"][provider].get(out_trade_no)
        return found

    def switch(
        self, behaviour: str, *, provider: str | None = None, method: str | None = None,
        seconds: float | None = None, count: int = 1,
    ) -> None:  # fmt: skip
        """Queue a behaviour for the next matching call(s) (see behaviours.py for names)."""
        self.sandbox.switches.add(Switch(behaviour, provider, method, seconds, count))

    def clear_switches(self) -> None:
        self.sandbox.switches.clear()

    def advance_clock(self, seconds: float) -> None:
        """Move the providers' clock (password deadlines, windows, bill dates) forward (or
        back, with a negative ``seconds``)."""
        with self.sandbox.ledger.changing():
            self.sandbox.ledger.clock_offset_s += seconds

    @property
    def clock_offset_s(self) -> float:
        """How far the providers' clock has been moved from the real one."""
        return self.sandbox.ledger.clock_offset_s

    def config_lines(self) -> dict[str, list[str]]:
        """What a store pastes into its configuration to use this sandbox."""
        ids, keys = self.wechat, self.sandbox.keys
        wechat = [
            'api_version = "v3"',
            f'mchid = "{ids.mchid}"',
            f'appid = "{ids.appid}"',
            f'# partner form: sp_mchid = "{ids.sp_mchid}", sp_appid = "{ids.sp_appid}", '
            f'sub_mchid = "{ids.sub_mchid}"',
            f'merchant_private_key_file = "{keys.merchant_private_key_file}"',
            f'merchant_serial = "{ids.merchant_serial}"',
            f'api_v3_key = "{ids.api_v3_key}"',
            f'api_v2_key = "{ids.api_v2_key}"',
            f'platform_public_key_file = "{keys.wechatpay_public_key_file}"',
            f'platform_public_key_id = "{ids.platform_public_key_id}"',
            f'base_url = "{self.wechat_base_url}"',
        ]
        alipay = [
            f'app_id = "{self.alipay.app_id}"',
            f'app_private_key_file = "{keys.app_private_key_file}"',
            f'alipay_public_key_file = "{keys.alipay_public_key_file}"',
            f'gateway_url = "{self.alipay_gateway_url}"',
        ]
        return {"wechat": wechat, "alipay": alipay}

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        if self._tempdir is not None:
            self._tempdir.cleanup()
            self._tempdir = None

    def __enter__(self) -> PaymentsSandboxHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_payments_sandbox(
    port: int = 0,
    *,
    host: str = "127.0.0.1",
    state_path: str | Path | None = None,
    key_dir: str | Path | None = None,
    merchant_public_key_file: str | Path | None = None,
    app_public_key_file: str | Path | None = None,
    wechat: WechatIds | None = None,
    alipay: AlipayIds | None = None,
    limits: Limits | None = None,
    refund_delay_s: float = 0.0,
    bills_anytime: bool = False,
) -> PaymentsSandboxHandle:
    """Start the sandbox in a background thread.

    Keys: the provider key pairs (and, unless their public key files are given, a demo
    merchant and app key pair) are loaded from or made in ``key_dir`` — by default beside the
    state file (``<state>.keys/``), else a temporary directory removed by ``stop()``.
    ``refund_delay_s``: how long a WeChat Pay refund stays PROCESSING before SUCCESS.
    ``bills_anytime``: serve a day's bill before the next day's 09:00 (for the demo).
    """
    tempdir = None
    if key_dir is None and state_path is not None:
        key_dir = Path(str(state_path) + ".keys")
    if key_dir is None:
        tempdir = tempfile.TemporaryDirectory(prefix="payments-sandbox-")
        key_dir = tempdir.name
    keys = sandbox_keys(Path(key_dir), merchant_public_key_file, app_public_key_file)
    sandbox = Sandbox(
        keys, Ledger(state_path, refund_delay_s=refund_delay_s), wechat or WechatIds(),
        alipay or AlipayIds(), limits or Limits(), bills_anytime=bills_anytime,
    )  # fmt: skip
    server = PaymentsServer((host, port), sandbox)
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="payments-sandbox", daemon=True
    )
    handle = PaymentsSandboxHandle(server, thread, tempdir)
    sandbox.base_url = handle.base_url
    thread.start()
    return handle
