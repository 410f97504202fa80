"""Building the payment providers from the ``[payments]`` settings (composition root use).

Keys are read here, once, at start: a missing or unsafe key file, or a sealed key that cannot
be decrypted, is a ``PaymentConfigError`` the program reports before the counter opens, never a
surprise at the first scan. Secret keys are taken sealed (``PaymentKeys``) before plain.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import requests

from payments.alipay.adapter import AlipayFaceToFace
from payments.http import HttpLimits, PaymentHttp, checked_base_url
from payments.keys import api_key, client_key_path, load_public_key, private_key
from payments.wechat.v2 import WechatPayV2
from payments.wechat.v3 import WechatAccount, WechatPayV3
from payments.wechat.v3_signing import MerchantSigner, PlatformVerifier
from redhome_pos.config import Config
from redhome_pos.config.payment_keys import PaymentKeys
from redhome_pos.config.payments import AlipayConfig, PaymentsConfig, WechatPayConfig
from redhome_pos.domain.payments import PaymentConfigError, PaymentProvider, WalletProvider
from redhome_pos.persistence.database import Database
from redhome_pos.services.counter import Till
from redhome_pos.services.payments import ChargeTimings, Payments

log = logging.getLogger(__name__)


def http_for(settings: PaymentsConfig, session: requests.Session) -> PaymentHttp:
    return PaymentHttp(
        session,
        HttpLimits(
            connect_timeout_s=settings.connect_timeout_s,
            read_timeout_s=settings.read_timeout_s,
            deadline_s=settings.call_deadline_s,
        ),
    )


def wechat_account(config: WechatPayConfig) -> WechatAccount:
    if config.partner:
        return WechatAccount(config.sp_mchid, config.sp_appid, config.sub_mchid, config.sub_appid)
    return WechatAccount(config.mchid, config.appid)


def build_wechat(config: WechatPayConfig, http: PaymentHttp, keys: PaymentKeys) -> PaymentProvider:
    base_url = checked_base_url(config.base_url, "WeChat Pay")
    account = wechat_account(config)
    if config.api_version == "v2":
        if not config.client_cert_file:
            raise PaymentConfigError(
                "WeChat Pay APIv2 needs the API client certificate and key files"
            )
        private_key(keys, "wechat", "client_key_file", config.client_key_file)  # checked
        return WechatPayV2(
            account,
            api_key(keys, "wechat", "api_v2_key", config.api_v2_key),
            http,
            base_url,
            sign_type=config.v2_sign_type,
            client_cert=(
                config.client_cert_file,
                client_key_path(keys, "wechat", "client_key_file", config.client_key_file),
            ),
        )
    merchant_key = private_key(
        keys, "wechat", "merchant_private_key_file", config.merchant_private_key_file
    )
    public_key, certificate_serial = load_public_key(
        Path(config.platform_public_key_file), "WeChat Pay platform public key"
    )
    key_id = config.platform_public_key_id or certificate_serial
    if not key_id:
        raise PaymentConfigError("The WeChat Pay platform public key id is not set")
    signer = MerchantSigner(account.mchid, config.merchant_serial, merchant_key)
    return WechatPayV3(account, signer, PlatformVerifier(key_id, public_key), http, base_url)


def build_alipay(config: AlipayConfig, http: PaymentHttp, keys: PaymentKeys) -> PaymentProvider:
    gateway_url = checked_base_url(config.gateway_url, "Alipay gateway")
    app_key = private_key(keys, "alipay", "app_private_key_file", config.app_private_key_file)
    public_key, _ = load_public_key(Path(config.alipay_public_key_file), "Alipay public key")
    return AlipayFaceToFace(
        config.app_id, app_key, public_key, http, gateway_url, store_id=config.store_id
    )


def build_providers(
    settings: PaymentsConfig, session: requests.Session, keys: PaymentKeys | None = None
) -> dict[WalletProvider, PaymentProvider]:
    """One provider per configured wallet; none configured gives an empty mapping. Sealed
    keys are looked for in ``keys`` (none sealed when not given)."""
    http = http_for(settings, session)
    keys = keys if keys is not None else PaymentKeys.nowhere()
    providers: dict[WalletProvider, PaymentProvider] = {}
    if settings.wechat.configured:
        providers[WalletProvider.WECHAT] = build_wechat(settings.wechat, http, keys)
    if settings.alipay.configured:
        providers[WalletProvider.ALIPAY] = build_alipay(settings.alipay, http, keys)
    return providers


def payments_from_config(config: Config, database: Database) -> Payments | None:
    """The charge service over the configured providers (None when none is configured)."""
    providers = build_providers(config.payments, requests.Session(), PaymentKeys.of(config.paths))
    if not providers:
        return None
    return Payments(
        database, Till.from_config(config), providers, ChargeTimings.from_config(config.payments),
        description=f"REDHOME {config.store.name or config.store.code} 消费",
    )  # fmt: skip


def counter_payments(config: Config, database: Database) -> Payments | None:
    """The counter's charge service (None when no provider is configured), with every
    unfinished attempt settled in the background at once: a charge taken meanwhile waits for
    that to finish (the service's lock), so none starts before the old ones are resolved."""
    payments = payments_from_config(config, database)
    if payments is None:
        return None
    threading.Thread(
        target=_resolve_at_start, args=(payments,), name="payments-start", daemon=True
    ).start()
    return payments


def _resolve_at_start(payments: Payments) -> None:
    try:
        report = payments.resolve_unfinished()
    except Exception:  # the next charge tries again; the counter keeps working
        log.exception("settling unfinished payments at start-up failed")
        return
    for attempt in report.attempts:
        log.info("payment %s settled at start-up: %s", attempt.out_trade_no, attempt.state.value)
