"""Any receipt the counter can make prints cleanly at every paper width (hypothesis)."""

from __future__ import annotations

from escpos_decoder import decode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from print_samples import AT, STORE

from printers.profile import receipt_profile
from printers.renderers.escpos_text import render_escpos
from printers.templates import sales_receipt
from printers.templates.data import ReceiptData, ReceiptLine, TenderLine, VatLine

NAME_CHARS = list("小红书雅诗兰黛精华露口红面膜帆布袋（）·×—，。：#-/ ") + list(
    "abcdefghXYZ0123456789"
)
names = (
    st.text(alphabet=st.sampled_from(NAME_CHARS), min_size=1, max_size=60)
    .map(str.strip)
    .filter(bool)
)
lines = st.builds(
    lambda title, variant, qty, price, discount: ReceiptLine(
        title,
        variant,
        qty,
        price,
        min(discount, qty * price),
        qty * price - min(discount, qty * price),
    ),
    names,
    st.text(alphabet=st.sampled_from(NAME_CHARS), max_size=12),
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=99_999_999),
    st.integers(min_value=0, max_value=9_999_999),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(lines, min_size=1, max_size=6), columns=st.sampled_from([32, 42, 48]))
def test_every_receipt_keeps_the_invariants(items: list[ReceiptLine], columns: int) -> None:
    total = sum(line.amount_fen for line in items)
    receipt = ReceiptData(
        store=STORE,
        terminal_id="T01",
        receipt_no="S-T01-20261125-0001",
        time=AT,
        clerk="王芳",
        lines=tuple(items),
        subtotal_fen=total + sum(line.discount_fen for line in items),
        discount_fen=sum(line.discount_fen for line in items),
        total_fen=total,
        vat=(VatLine(1300, total * 13 // 113),),
        tenders=(TenderLine("现金", total),),
        change_fen=0,
        receipt_code="RH1.R.SH01.S-T01-20261125-0001.ABCDEF",
    )
    transcript = decode(
        render_escpos(sales_receipt(receipt), receipt_profile(columns)), columns=columns
    )
    assert transcript.problems == []
    assert transcript.codes == [("QR", receipt.receipt_code)]
    joined = "".join(text for text, _s, _b in transcript.lines).replace(" ", "")
    for line in items:
        assert line.title.replace(" ", "") in joined
