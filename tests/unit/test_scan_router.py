"""The scan router on the shapes of code a REDHOME counter really sees."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redhome_pos.domain.barcodes import (
    Symbology,
    gs1_check_digit,
    has_valid_check_digit,
    upce_to_upca,
)
from redhome_pos.domain.scan import (
    Measure,
    NoteLink,
    PaymentCode,
    ProductBarcode,
    ScanError,
    ScanKind,
    ScanSettings,
    ShortLink,
    SkuCode,
    StoreCode,
    Unknown,
    VariableMeasure,
    VariableMeasureLayout,
    clean,
    route,
)
from redhome_pos.domain.signed_codes import ReceiptCode, sign_receipt_code

NOTE = "6756a3f1000000000b03a5d2"
USER = "5f1b2c3d000000000101e4f7"
SETTINGS = ScanSettings(store_code="SH001", code_secret="s3cret-of-sh001")


@pytest.mark.parametrize(
    "text",
    [
        f"https://www.xiaohongshu.com/explore/{NOTE}",
        f"https://www.xiaohongshu.com/explore/{NOTE}/",
        f"https://www.xiaohongshu.com/explore/{NOTE}?xsec_token=ABx9YQ3kR2f_Lm-Pq8%3D&xsec_source=app_share",
        f"https://www.xiaohongshu.com/explore/{NOTE}?app_platform=ios&app_version=8.59&share_from_user_hidden=true&xsec_source=app_share&type=normal&xsec_token=CBhp9&author_share=1&xhsshare=WeixinSession&shareRedId=ODlGM0c&apptime=1732500000&share_id=a1b2c3",
        f"https://www.xiaohongshu.com/discovery/item/{NOTE}",
        f"https://www.xiaohongshu.com/discovery/item/{NOTE}?source=webshare&xhsshare=pc_web&xsec_token=AB1&xsec_source=pc_share",
        f"https://www.xiaohongshu.com/user/profile/{USER}/{NOTE}",
        f"https://www.xiaohongshu.com/user/profile/{USER}/{NOTE}?xsec_token=ABC&xsec_source=pc_user",
        f"http://xiaohongshu.com/explore/{NOTE}#comments",
        f"www.xiaohongshu.com/explore/{NOTE}",
        f"HTTPS://WWW.XIAOHONGSHU.COM/explore/{NOTE}",
        f"HTTPS://WWW.XIAOHONGSHU.COM/EXPLORE/{NOTE.upper()}?XSEC_SOURCE=APP_SHARE",
        f"  https://www.xiaohongshu.com/explore/{NOTE}?xsec_token=x\r\n",
        f"]Q1https://www.xiaohongshu.com/explore/{NOTE}",
    ],
)
def test_note_links_keep_only_the_note_id(text: str) -> None:
    assert route(text) == NoteLink(NOTE)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("https://xhslink.com/a/Ab3dEfGh1Jk", "a/Ab3dEfGh1Jk"),
        ("http://xhslink.com/m/7Zq2Lp", "m/7Zq2Lp"),
        ("xhslink.com/Ab3dEf", "Ab3dEf"),
        (
            "【小红书】这支口红太显白了！ 😆 Ab3dEf 😆 http://xhslink.com/a/Ab3dEfGh1Jk，复制本条信息，"
            "打开【小红书】App查看精彩内容！",
            "a/Ab3dEfGh1Jk",
        ),
    ],
)
def test_short_links_and_share_text(text: str, code: str) -> None:
    result = route(text)
    assert result == ShortLink(code=code, url=f"https://xhslink.com/{code}")


@pytest.mark.parametrize(
    "text",
    [
        "https://evil.example.com/explore/6756a3f1000000000b03a5d2",
        f"https://www.xiaohongshu.com@evil.example.com/explore/{NOTE}",
        f"https://xiaohongshu.com.evil.example.com/explore/{NOTE}",
        f"https://evil.example.com/?next=https://www.xiaohongshu.com/explore/{NOTE}",
        f"https://m.xiaohongshu.com.cn/explore/{NOTE}",
        f"javascript://www.xiaohongshu.com/explore/{NOTE}",
        f"file:///www.xiaohongshu.com/explore/{NOTE}",
        f"https://www.xiaohongshu.com/user/profile/{USER}",
        "https://www.xiaohongshu.com/explore",
        "https://www.xiaohongshu.com/explore/<script>",
        "https://www.xiaohongshu.com/search_result?keyword=口红",
        "https://xhslink.com/",
        "https://[::1/",
    ],
)
def test_other_hosts_and_other_pages_are_unknown(text: str) -> None:
    assert isinstance(route(text), Unknown)


def test_a_foreign_host_is_named_in_the_message() -> None:
    result = route("https://shop.example.com/item/1")
    assert isinstance(result, Unknown)
    assert result.message == "A link to shop.example.com is not a RED note; it was not opened"


@pytest.mark.parametrize(
    ("text", "code", "symbology"),
    [
        ("6901234567892", "6901234567892", Symbology.EAN13),
        ("4006381333931\r", "4006381333931", Symbology.EAN13),
        ("]E06901234567892", "6901234567892", Symbology.EAN13),
        ("６９０１２３４５６７８９２", "6901234567892", Symbology.EAN13),
        (" 6 901234 567892 ", "6901234567892", Symbology.EAN13),
        ("\x026901234567892\x03", "6901234567892", Symbology.EAN13),
        ("73513537", "73513537", Symbology.EAN8),
        ("036000291452", "036000291452", Symbology.UPCA),
        ("04252614", "04252614", Symbology.UPCE),
        ("06901234567892", "6901234567892", Symbology.EAN13),
    ],
)
def test_retail_barcodes(text: str, code: str, symbology: Symbology) -> None:
    result = route(text)
    assert isinstance(result, ProductBarcode)
    assert (result.code, result.symbology) == (code, symbology)
    assert code in result.keys


def test_upc_codes_are_looked_up_in_both_forms() -> None:
    upca = route("036000291452")
    assert isinstance(upca, ProductBarcode)
    assert set(upca.keys) == {"036000291452", "0036000291452"}
    upce = route("04252614")
    assert isinstance(upce, ProductBarcode)
    assert "042100005264" in upce.keys


@pytest.mark.parametrize(
    "text",
    ["6901234567893", "4006381333930", "73513538", "036000291453", "２００１２３４０１２３４０"],
)
def test_a_wrong_check_digit_is_refused_never_a_product(text: str) -> None:
    with pytest.raises(ScanError, match="Check digit wrong"):
        route(text)


def test_gs1_price_code_default_layout() -> None:
    result = route("2001234012348")
    assert result == VariableMeasure("2001234012348", "01234", Measure.PRICE, 1234)
    assert isinstance(result, VariableMeasure)
    assert (result.price_fen, result.weight_g) == (1234, None)


def test_gs1_weight_code_when_the_store_weighs() -> None:
    layout = VariableMeasureLayout.named("weight")
    result = route("2101234005682", ScanSettings(variable_measure=layout))
    assert isinstance(result, VariableMeasure)
    assert (result.item_code, result.weight_g, result.price_fen) == ("01234", 568, None)


def test_variable_measure_positions_are_configurable() -> None:
    # 2 + 4-digit item + 6-digit price: "28 1234 001599 C"
    body = "281234001599"
    code = body + str(gs1_check_digit(body))
    layout = VariableMeasureLayout(item_start=2, item_length=4, value_start=6, value_length=6)
    result = route(code, ScanSettings(variable_measure=layout))
    assert isinstance(result, VariableMeasure)
    assert (result.item_code, result.value) == ("1234", 1599)


@pytest.mark.parametrize(
    ("item_start", "item_length", "value_start", "value_length"),
    [(2, 5, 6, 5), (2, 5, 8, 6), (0, 5, 7, 5), (2, 0, 7, 5)],
)
def test_a_layout_must_fit_the_code(
    item_start: int, item_length: int, value_start: int, value_length: int
) -> None:
    with pytest.raises(ScanError, match="variable-measure layout"):
        VariableMeasureLayout(
            item_start=item_start,
            item_length=item_length,
            value_start=value_start,
            value_length=value_length,
        )


def test_a_sku_code_that_starts_like_a_store_code_is_still_a_sku_code() -> None:
    assert route("RH1.5ML") == SkuCode("RH1.5ML")


def test_an_unknown_layout_name_is_a_clear_error() -> None:
    with pytest.raises(ScanError, match="'volume'"):
        VariableMeasureLayout.named("volume")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("134567890123456789", ScanKind.WECHAT_PAY),
        ("101234567890123456", ScanKind.WECHAT_PAY),
        ("151234567890123456", ScanKind.WECHAT_PAY),
        ("2812345678901234", ScanKind.ALIPAY),
        ("281234567890123456", ScanKind.ALIPAY),
        ("301234567890123456789012", ScanKind.ALIPAY),
        ("25 1234 5678 9012 3456", ScanKind.ALIPAY),
    ],
)
def test_payment_codes(text: str, kind: ScanKind) -> None:
    result = route(text)
    assert isinstance(result, PaymentCode)
    assert result.kind is kind
    assert result.masked.startswith(result.code[:4]) and "*" in result.masked


@pytest.mark.parametrize(
    "text",
    [
        "161234567890123456",  # 18 digits, prefix 16: not WeChat, not Alipay
        "3112345678901234",  # 16 digits, prefix 31
        "2412345678901234567890123",  # 25 digits: too long for Alipay
    ],
)
def test_digit_strings_outside_the_payment_ranges_are_not_payment_codes(text: str) -> None:
    assert route(text).kind is ScanKind.SKU_CODE


@pytest.mark.parametrize(
    "text", ["RH-LIP-520", "A1001", "erp_000123", "SKU.520.M", "12345", "ｒｈ－ｌｉｐ－５２０"]
)
def test_sku_code_candidates(text: str) -> None:
    assert isinstance(route(text), SkuCode)


def test_full_width_sku_code_is_folded() -> None:
    assert route("ＲＨ－ＬＩＰ－５２０") == SkuCode("RH-LIP-520")


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "'; DROP TABLE skus; --",
        "1 OR 1=1",
        '" OR ""="',
        "SELECT * FROM staff WHERE pin_hash <> ''",
        "robert'); DELETE FROM sales;--",
        "口红",
        "!!!",
    ],
)
def test_markup_and_sql_are_unknown_and_not_echoed_as_markup(text: str) -> None:
    result = route(text)
    assert isinstance(result, Unknown)
    for dangerous in "<>'\"`&":
        assert dangerous not in result.message


def test_our_signed_receipt_code() -> None:
    text = sign_receipt_code("s3cret-of-sh001", "SH001", "SH001-20261125-0042")
    assert route(text, SETTINGS) == StoreCode(ReceiptCode("SH001", "SH001-20261125-0042"))
    assert route(text.lower() + "\r", SETTINGS).kind is ScanKind.RECEIPT_CODE


def test_a_forged_store_code_raises() -> None:
    text = sign_receipt_code("s3cret-of-sh001", "SH001", "SH001-20261125-0042")
    forged = text.replace("0042", "0043")
    with pytest.raises(ScanError, match="forged or damaged"):
        route(forged, SETTINGS)


def test_another_stores_code_names_that_store() -> None:
    text = sign_receipt_code("bj-secret", "BJ002", "BJ002-20261125-0001")
    with pytest.raises(ScanError, match="belongs to store BJ002"):
        route(text, SETTINGS)


@pytest.mark.parametrize("text", ["", "   ", "\r\n", "\x00\x1b", "]E0"])
def test_nothing_read(text: str) -> None:
    with pytest.raises(ScanError, match="Nothing was read"):
        route(text)


def test_length_is_capped() -> None:
    result = route("A" * 5000)
    assert isinstance(result, Unknown)
    assert "too long" in result.message
    assert len(clean("6" * 100_000)) <= 2048


def test_clean_folds_full_width_and_strips_scanner_noise() -> None:
    assert clean("\x02]E0６９０１２３４５６７８９２\r\n") == "6901234567892"
    assert clean("\ufeff A1001\t") == "A1001"


# --- fuzzing ---------------------------------------------------------------------------------


SCAN_LIKE = st.one_of(
    st.text(max_size=300),
    st.from_regex(r"[0-9０-９ ]{1,30}", fullmatch=True),
    st.from_regex(
        r"(https?://)?(www\.)?(xiaohongshu\.com|xhslink\.com|x\.cn)/[ -~]{0,80}", fullmatch=True
    ),
    st.from_regex(r"(RH1|rh1|RH9)\.[A-Z]\.[A-Z0-9.-]{0,60}", fullmatch=True),
    st.from_regex(r"[\x00-\x1f\]]{0,3}[A-Za-z0-9_.<>'\";-]{1,40}[\r\n\t]{0,2}", fullmatch=True),
)


@settings(max_examples=600, deadline=None)
@given(SCAN_LIKE)
def test_router_raises_nothing_but_scan_error(text: str) -> None:
    try:
        result = route(text, SETTINGS)
    except ScanError:
        return
    assert result.kind in ScanKind


@settings(max_examples=400, deadline=None)
@given(
    body=st.sampled_from([7, 11, 12, 13]).flatmap(
        lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)
    ),
    wrong=st.integers(min_value=1, max_value=9),
    prefix=st.sampled_from(["", " ", "]E0", "]E4", "\x02"]),
    suffix=st.sampled_from(["", "\r", "\n", "\r\n", "\t", " ", "\x03"]),
)
def test_a_wrong_check_digit_never_gives_a_product(
    body: str, wrong: int, prefix: str, suffix: str
) -> None:
    bad = body + str((gs1_check_digit(body) + wrong) % 10)
    assert not has_valid_check_digit(bad)
    try:
        result = route(prefix + bad + suffix)
    except ScanError:
        return
    # The one exception: 8 digits that are not an EAN-8 may be a correct UPC-E.
    assert isinstance(result, ProductBarcode)
    assert result.symbology is Symbology.UPCE
    assert has_valid_check_digit(upce_to_upca(bad))


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"[0-9a-f]{24}", fullmatch=True), st.text(alphabet="abcXYZ019_-=&%", max_size=60)
)
def test_any_note_id_with_any_query_string(note_id: str, query: str) -> None:
    assert route(f"https://www.xiaohongshu.com/explore/{note_id}?{query}") == NoteLink(note_id)
