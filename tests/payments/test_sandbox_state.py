"""The payments sandbox's own state: persistence, inspection, keys and its command."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from payments_sandbox_client import Alipay, WechatV3, running_sandbox, state

from payments.sandbox import start_payments_sandbox

CODEPAY = "/v3/pay/transactions/codepay"


def wechat_pay(wx: WechatV3, appid: str, no: str, code: str) -> requests.Response:
    return wx.call("POST", CODEPAY, wx.codepay_body(appid, no, code, 321))


def test_state_file_keeps_orders_keys_and_used_codes(tmp_path: Path) -> None:
    state_file = tmp_path / "payments.json"
    with running_sandbox(state_path=state_file) as sandbox:
        wx = WechatV3(sandbox)
        assert wechat_pay(wx, sandbox.wechat.appid, "KEEP-0001", "134567890123456700").ok
        paying = wechat_pay(wx, sandbox.wechat.appid, "KEEP-0002", "134567890123456711")
        assert paying.status_code == 202
        public_before = (sandbox.key_dir / "wechatpay_platform_public.pem").read_bytes()
    assert state_file.exists()
    with running_sandbox(state_path=state_file) as again:
        assert (again.key_dir / "wechatpay_platform_public.pem").read_bytes() == public_before
        wx = WechatV3(again)  # the same merchant key still signs
        found = wx.call("GET", f"/v3/pay/transactions/out-trade-no/KEEP-0001?mchid={wx.mchid}")
        assert found.status_code == 200 and found.json()["amount"]["total"] == 321
        reused = wechat_pay(wx, again.wechat.appid, "KEEP-0003", "134567890123456700")
        assert reused.json()["code"] == "AUTH_CODE_INVALID"  # used before the restart
        assert again.order("wechat", "KEEP-0002")["state"] in ("PAYING", "SUCCESS")
        assert again.state()["calls"]["wechat.v3.charge"] >= 3


def test_key_files_are_private(tmp_path: Path) -> None:
    with running_sandbox(key_dir=tmp_path / "keys") as sandbox:
        folder = sandbox.key_dir
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
        for name in ("merchant_private.pem", "app_private.pem", "wechatpay_platform_public.pem",
                     "alipay_public.pem"):  # fmt: skip
            assert stat.S_IMODE(os.stat(folder / name).st_mode) == 0o600, name


def test_store_public_keys_are_used_to_check_requests(tmp_path: Path) -> None:
    store_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_file = tmp_path / "store_public.pem"
    public_file.write_bytes(
        store_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    with running_sandbox(merchant_public_key_file=public_file) as sandbox:
        other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (sandbox.key_dir / "merchant_private.pem").write_bytes(other.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))  # fmt: skip
        wx = WechatV3(sandbox)  # signs with a key that is not the store's: refused
        assert wechat_pay(wx, sandbox.wechat.appid, "STORE-0001", "134567890123456700"
                          ).status_code == 401  # fmt: skip
        wx.key = store_key
        assert wechat_pay(wx, sandbox.wechat.appid, "STORE-0001", "134567890123456700").ok


def test_inspection_counts_calls_and_time_spent() -> None:
    with running_sandbox() as sandbox:
        wx, ali = WechatV3(sandbox), Alipay(sandbox)
        assert wechat_pay(wx, sandbox.wechat.appid, "INSPECT-1", "134567890123450251").ok
        biz = {"out_trade_no": "INSPECT-2", "scene": "bar_code", "auth_code": "2834567890123456",
               "subject": "x", "total_amount": "1.00"}  # fmt: skip
        ali.call("alipay.trade.pay", biz)
        snapshot = state(sandbox)
        assert snapshot["calls"] == {"wechat.v3.charge": 1, "alipay.alipay.trade.pay": 1}
        assert snapshot["busy_s"] >= 2.0  # the slow answer's two seconds are the sandbox's
        one = requests.get(
            sandbox.base_url + "/_sandbox/order",
            params={"provider": "alipay", "out_trade_no": "INSPECT-2"},
            timeout=5,
        )
        assert one.json()["amount_fen"] == 100 and one.json()["code"] == "2834********3456"


def test_command_prints_configuration_that_works(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "redhome_pos", "payments-sandbox", "--port", "0",
         "--state", str(tmp_path / "state.json")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    lines: list[str] = []
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            lines.append(line.rstrip("\n"))
            if line.startswith("gateway_url"):
                break
        config = dict(
            line.split(" = ", 1) for line in lines if " = " in line and not line.startswith("#")
        )
        values = {k: v.strip('"') for k, v in config.items()}
        assert "[payments.wechat]" in lines and "[payments.alipay]" in lines
        assert Path(values["merchant_private_key_file"]).exists()
        # Sign a query with the printed key and serial, check the answer with the printed key.
        key = serialization.load_pem_private_key(
            Path(values["merchant_private_key_file"]).read_bytes(), password=None
        )
        platform = serialization.load_pem_public_key(
            Path(values["platform_public_key_file"]).read_bytes()
        )
        assert isinstance(key, rsa.RSAPrivateKey) and isinstance(platform, rsa.RSAPublicKey)
        target = f"/v3/pay/transactions/out-trade-no/NOPE-0001?mchid={values['mchid']}"

        class Handle:  # what WechatV3 reads, taken from the printed lines
            wechat_base_url = values["base_url"]
            key_dir = Path(values["merchant_private_key_file"]).parent

            class wechat:
                mchid = values["mchid"]
                merchant_serial = values["merchant_serial"]
                platform_public_key_id = values["platform_public_key_id"]

        wx = WechatV3(Handle)  # type: ignore[arg-type]
        answer = wx.call("GET", target)
        assert answer.status_code == 404 and wx.answer_ok(answer)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_stop_frees_the_port() -> None:
    handle = start_payments_sandbox()
    url = handle.base_url
    handle.stop()
    try:
        requests.get(url + "/_sandbox/state", timeout=1)
    except requests.ConnectionError:
        return
    raise AssertionError("the sandbox still answers after stop()")
