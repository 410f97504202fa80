"""The audit hash chain: any edit, insertion or removal breaks it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.audit import GENESIS_HASH, AuditEvent, event_hash, verify_chain


def chain(details: list[dict[str, int]]) -> list[AuditEvent]:
    events = []
    prev = GENESIS_HASH
    at = datetime(2026, 11, 25, tzinfo=UTC)
    for seq, detail in enumerate(details, start=1):
        when = at + timedelta(seconds=seq)
        digest = event_hash(prev, seq, when, "sale", 1, "T1", detail)
        events.append(AuditEvent(seq, when, "sale", 1, "T1", detail, prev, digest))
        prev = digest
    return events


details = st.lists(st.dictionaries(st.sampled_from("abc"), st.integers()), min_size=2, max_size=8)


@given(details)
def test_an_intact_chain_verifies(d: list[dict[str, int]]) -> None:
    assert verify_chain(chain(d)) == []


@given(details, st.data())
def test_any_edit_is_found(d: list[dict[str, int]], data: st.DataObject) -> None:
    events = chain(d)
    i = data.draw(st.integers(0, len(events) - 1))
    field = data.draw(st.sampled_from(["detail", "action", "staff_id", "created_at"]))
    original = events[i]
    changed = {
        "detail": {**original.detail, "z": 1},
        "action": "refund",
        "staff_id": 2,
        "created_at": original.created_at + timedelta(microseconds=1),
    }[field]
    events[i] = replace(original, **{field: changed})
    assert [b.seq for b in verify_chain(events)] == [i + 1]


@given(details, st.data())
def test_any_removal_is_found(d: list[dict[str, int]], data: st.DataObject) -> None:
    events = chain(d)
    i = data.draw(st.integers(0, len(events) - 2))  # the newest is checked against a Z report
    del events[i]
    assert verify_chain(events)
