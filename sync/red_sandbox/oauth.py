"""Authorisation as ``开发文档/038_授权流程（软件服务商）.md`` describes it.

- A code (from the approval page) lives 10 minutes; exchanging it again within that time gives
  the same tokens. Exchanging a NEW code (a re-authorisation) invalidates every earlier token.
- Access tokens live 7 days, refresh tokens 14 days. ``oauth.refreshToken`` with more than 30
  minutes of the access token left answers the same tokens; with less (or after it expired),
  new ones, and the old access token keeps working for 5 minutes at most.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sync.red_sandbox import protocol as p
from sync.red_sandbox.fields import Fields, Refused, req_str
from sync.red_sandbox.state import SandboxState, red_id


def new_code(state: SandboxState) -> str:
    now = state.now_ms()
    code = "code-" + red_id("code", now, state.random().random()) + red_id("c", now)
    with state.writing() as db:
        db.execute(
            "INSERT INTO auth_codes VALUES (?, ?, NULL)", (code, now + p.CODE_LIFETIME_S * 1000)
        )
    return code


def _issue(state: SandboxState, db: sqlite3.Connection) -> sqlite3.Row:
    now = state.now_ms()
    rng = state.random()
    access = f"token-{red_id('access', now, rng.random())}-{red_id('a', rng.random())}"
    refresh = f"refresh-{red_id('refresh', now, rng.random())}-{red_id('r', rng.random())}"
    db.execute(
        "INSERT INTO tokens VALUES (?, ?, ?, ?, 1)",
        (
            access,
            refresh,
            now + p.ACCESS_TOKEN_LIFETIME_S * 1000,
            now + p.REFRESH_TOKEN_LIFETIME_S * 1000,
        ),
    )
    row: sqlite3.Row = db.execute(
        "SELECT * FROM tokens WHERE access_token = ?", (access,)
    ).fetchone()
    return row


def _answer(state: SandboxState, row: sqlite3.Row) -> dict[str, Any]:
    return {
        "accessToken": row["access_token"],
        "accessTokenExpiresAt": row["access_expires_ms"],
        "refreshToken": row["refresh_token"],
        "refreshTokenExpiresAt": row["refresh_expires_ms"],
        "sellerId": state.seller_id,
        "sellerName": state.seller_name,
    }


def get_access_token(state: SandboxState, fields: Fields) -> Any:
    code = req_str(fields, "code")
    now = state.now_ms()
    with state.writing() as db:
        row = db.execute("SELECT * FROM auth_codes WHERE code = ?", (code,)).fetchone()
        if row is None or row["expires_ms"] <= now:
            raise Refused(p.ERR_AUTH_CODE)
        if row["access_token"]:
            same = db.execute(
                "SELECT * FROM tokens WHERE access_token = ?", (row["access_token"],)
            ).fetchone()
            if same is not None and same["access_expires_ms"] > now:
                return _answer(state, same)
        # A new authorisation: every token issued before it stops working.
        db.execute(
            "UPDATE tokens SET access_expires_ms = min(access_expires_ms, ?), refresh_valid = 0",
            (now,),
        )
        tokens = _issue(state, db)
        db.execute(
            "UPDATE auth_codes SET access_token = ? WHERE code = ?", (tokens["access_token"], code)
        )
        return _answer(state, tokens)


def refresh_token(state: SandboxState, fields: Fields) -> Any:
    refresh = req_str(fields, "refreshToken")
    now = state.now_ms()
    with state.writing() as db:
        row = db.execute("SELECT * FROM tokens WHERE refresh_token = ?", (refresh,)).fetchone()
        if row is None or not row["refresh_valid"] or row["refresh_expires_ms"] <= now:
            raise Refused(p.ERR_REFRESH_TOKEN)
        if row["access_expires_ms"] - now > p.REFRESH_SAME_TOKENS_ABOVE_S * 1000:
            return _answer(state, row)
        grace_end = min(row["access_expires_ms"], now + p.OLD_ACCESS_TOKEN_GRACE_S * 1000)
        db.execute(
            "UPDATE tokens SET access_expires_ms = ?, refresh_valid = 0 WHERE access_token = ?",
            (grace_end, row["access_token"]),
        )
        return _answer(state, _issue(state, db))


def access_token_valid(state: SandboxState, token: str) -> bool:
    with state.reading() as db:
        row = db.execute(
            "SELECT access_expires_ms FROM tokens WHERE access_token = ?", (token,)
        ).fetchone()
        return row is not None and row["access_expires_ms"] > state.now_ms()
