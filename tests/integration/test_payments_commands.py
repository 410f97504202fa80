"""``redhome-pos payments charge|refund|refund-cash|status`` against the payments sandbox over
HTTP: a manager's test payment through the counter's charge service, its refund, a refused
refund paid in cash, and the states."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from counter_store import make_store, write_config
from wallet_sandbox import code, sandbox_payments

from payments.sandbox import start_payments_sandbox
from redhome_pos.cli import main
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.payments import RefundState, WalletProvider
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.persistence.database import Database
from redhome_pos.services import returns, shifts
from redhome_pos.services.payments import WalletPayment


def run(capsys: Any, monkeypatch: Any, pin: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    exit_code = main(list(args))
    captured = capsys.readouterr()
    return exit_code, captured.out, captured.err


def test_test_payment_refund_and_status(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    make_store(database)
    config_file = write_config(tmp_path, db_path)
    with start_payments_sandbox() as sandbox:
        lines = sandbox.config_lines()
        text = config_file.read_text(encoding="utf-8") + "\n".join(
            [
                "[payments]",
                "poll_interval_s = 0.2",
                "reverse_after_s = 0.3",
                "[payments.wechat]",
                *[line for line in lines["wechat"] if not line.startswith("#")],
                "[payments.alipay]",
                *lines["alipay"],
                "",
            ]
        )
        config_file.write_text(text, encoding="utf-8")
        config = str(config_file)
        wechat = code(WalletProvider.WECHAT)

        charge = ["--config", config, "payments", "charge", "--provider", "wechat"]
        exit_code, _, err = run(
            capsys, monkeypatch, "1111", *charge, "--amount", "0.01", "--code", wechat,
            "--staff", "1001", "--pin-stdin",
        )  # fmt: skip
        assert exit_code == 1 and "may not" in err  # a clerk may not
        assert sandbox.state()["orders"]["wechat"] == {}  # and nothing was sent

        exit_code, out, err = run(
            capsys, monkeypatch, "3333", *charge, "--amount", "0.01", "--code", wechat,
            "--staff", "3001", "--pin-stdin", "--json",
        )  # fmt: skip
        assert exit_code == 0, err
        paid = json.loads(out)
        assert paid["state"] == "paid" and paid["amount_fen"] == 1 and paid["transaction_id"]
        assert wechat not in out and wechat[-4:] in paid["code"]  # the code only masked
        order = sandbox.order("wechat", paid["out_trade_no"])
        assert order is not None and order["charges"] == 1 and order["amount_fen"] == 1

        exit_code, out, _ = run(capsys, monkeypatch, "", "--config", config, "payments",
                                "status", "--unfinished", "--json")  # fmt: skip
        listed = json.loads(out)
        assert [a["out_trade_no"] for a in listed["attempts"]] == [paid["out_trade_no"]]
        assert exit_code == 0  # paid and kept for a manager, nothing open

        exit_code, out, err = run(
            capsys, monkeypatch, "3333", "--config", config, "payments", "refund",
            paid["out_trade_no"], "--reason", "test payment", "--staff", "3001",
            "--pin-stdin", "--json",
        )  # fmt: skip
        assert exit_code == 0, err
        refund = json.loads(out)
        assert refund["state"] == "success" and refund["out_refund_no"].endswith("R1")
        order = sandbox.order("wechat", paid["out_trade_no"])
        assert order is not None and order["refunded_fen"] == 1

        refused_code = code(WalletProvider.ALIPAY, "21")
        exit_code, out, err = run(
            capsys, monkeypatch, "3333", "--config", config, "payments", "charge",
            "--provider", "alipay", "--amount", "0.01", "--code", refused_code,
            "--staff", "3001", "--pin-stdin",
        )  # fmt: skip
        assert exit_code == 1 and "balance" in err

        exit_code, out, _ = run(capsys, monkeypatch, "", "--config", config, "payments", "status")
        assert exit_code == 0
        assert out.splitlines()[0].startswith("refused") and "refunded" in out
        assert refused_code not in out and wechat not in out

        exit_code, out, _ = run(capsys, monkeypatch, "", "--config", config, "config", "show")
        assert exit_code == 0 and "api_v3_key" in out
        assert sandbox.wechat.api_v3_key not in out and sandbox.wechat.api_v2_key not in out
        logs = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").glob("*.log*"))
        assert paid["out_trade_no"] in logs  # the charge is logged …
        assert wechat not in logs and refused_code not in logs  # … never the customer's code
        assert sandbox.wechat.api_v3_key not in logs


def test_a_refused_refund_paid_in_cash_by_a_manager_from_the_command_line(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 10_000)
    config_file = write_config(tmp_path, db_path)
    with start_payments_sandbox() as sandbox:
        lines = sandbox.config_lines()
        config_file.write_text(
            config_file.read_text(encoding="utf-8")
            + "\n".join(
                [
                    "[payments.wechat]",
                    *[line for line in lines["wechat"] if not line.startswith("#")],
                    "",
                ]
            ),
            encoding="utf-8",
        )
        payments = sandbox_payments(database, store.till, sandbox, tmp_path / "counter")
        cart = Cart()
        cart.add(store.items["LIP-520"])
        sale = payments.checkout(
            store.clerk,
            cart,
            [],
            WalletPayment(WalletProvider.WECHAT, code(WalletProvider.WECHAT), 25_900),
        )
        # Paid back outside the counter first: the return's refund is refused.
        assert payments.providers[WalletProvider.WECHAT].reverse(sale.tenders[0].out_trade_no).done
        returned = returns.return_items(
            database, store.till, store.supervisor, store.till.receipt_code(sale.receipt_no),
            [ReturnRequest(1, 1)], reason="colour", payments=payments,
        )  # fmt: skip
        [refused] = returned.provider_refunds
        assert refused.state is RefundState.REFUSED
        exit_code, out, _ = run(capsys, monkeypatch, "", "--config", str(config_file),
                                "payments", "status", "--unfinished", "--json")  # fmt: skip
        [owed] = json.loads(out)["refunds"]  # what the manager needs to settle it
        assert owed["out_refund_no"] == refused.out_refund_no and owed["state"] == "refused"
        assert owed["receipt_no"] == sale.receipt_no and owed["amount_fen"] == 25_900
        assert owed["created_at"] and owed["provider"] == "wechat"
        command = ["--config", str(config_file), "payments", "refund-cash", refused.out_refund_no]

        exit_code, _, err = run(
            capsys, monkeypatch, "2222", *command, "--reason", "x", "--staff", "2001",
            "--pin-stdin",
        )  # fmt: skip
        assert exit_code == 1 and "manager" in err  # a supervisor may not
        exit_code, out, err = run(
            capsys, monkeypatch, "3333", *command, "--reason", "paid at the desk",
            "--staff", "3001", "--pin-stdin", "--json",
        )  # fmt: skip
        assert exit_code == 0, err
        paid = json.loads(out)
        assert paid["state"] == "cash" and paid["amount_fen"] == 25_900
        assert payments.refunds_waiting() == []
