"""A scanner's burst of keys versus a person typing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redhome_pos.domain.scanner_burst import Action, BurstDetector, Decision


def feed_all(detector: BurstDetector, keys: str, start_ms: int, step_ms: int) -> list[Decision]:
    return [detector.feed(key, start_ms + i * step_ms) for i, key in enumerate(keys)]


def test_a_fast_burst_ending_in_enter_is_a_scan() -> None:
    detector = BurstDetector(max_interval_ms=35, min_length=6)
    decisions = feed_all(detector, "6901234567892\r", 1000, 8)
    assert all(d.action is Action.HOLD for d in decisions[:-1])
    assert decisions[-1] == Decision(Action.SCAN, "6901234567892")
    assert detector.pending == ""


def test_tab_also_ends_a_scan() -> None:
    detector = BurstDetector()
    assert feed_all(detector, "A1001X\t", 0, 5)[-1] == Decision(Action.SCAN, "A1001X")


def test_a_person_typing_gets_every_key_back_in_order() -> None:
    detector = BurstDetector(max_interval_ms=35, min_length=6)
    released = ""
    for decision in feed_all(detector, "A1001", 0, 180):
        if decision.action is Action.RELEASE:
            released += decision.text
    released += detector.flush(10_000).text
    assert released == "A1001"


def test_enter_after_slow_typing_goes_to_the_field_with_the_text() -> None:
    detector = BurstDetector()
    feed_all(detector, "12", 0, 200)
    assert detector.feed("\r", 1000) == Decision(Action.RELEASE, "2", "\r")


def test_a_short_fast_burst_is_not_a_scan() -> None:
    detector = BurstDetector(min_length=6)
    assert feed_all(detector, "123\r", 0, 5)[-1] == Decision(Action.RELEASE, "123", "\r")


def test_a_burst_whose_enter_comes_late_is_not_a_scan() -> None:
    detector = BurstDetector(max_interval_ms=35)
    feed_all(detector, "6901234567892", 0, 5)
    assert detector.feed("\n", 60 + 36).action is Action.RELEASE


def test_flush_releases_held_keys_only_after_the_deadline() -> None:
    detector = BurstDetector(max_interval_ms=35)
    detector.feed("a", 100)
    assert detector.deadline_ms == 135
    assert detector.flush(120).action is Action.HOLD
    assert detector.flush(135) == Decision(Action.RELEASE, "a")
    assert detector.deadline_ms is None


def test_the_threshold_is_configurable() -> None:
    slow_scanner = BurstDetector(max_interval_ms=80, min_length=4)
    assert feed_all(slow_scanner, "A100\r", 0, 60)[-1] == Decision(Action.SCAN, "A100")
    default = BurstDetector()
    assert feed_all(default, "A100\r", 0, 60)[-1].action is Action.RELEASE


def test_a_scan_right_after_typing_is_still_recognised() -> None:
    detector = BurstDetector()
    typed = feed_all(detector, "ab", 0, 300)
    scan = feed_all(detector, "6901234567892\r", 900, 4)
    assert typed[1] == Decision(Action.RELEASE, "a")
    assert scan[0] == Decision(Action.RELEASE, "b")
    assert scan[-1] == Decision(Action.SCAN, "6901234567892")


def test_a_clock_going_backwards_counts_as_a_pause() -> None:
    detector = BurstDetector()
    detector.feed("a", 1000)
    assert detector.feed("b", 900) == Decision(Action.RELEASE, "a")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("ab1\r"), st.integers(min_value=0, max_value=120)), max_size=40
    )
)
def test_no_key_is_ever_lost_or_duplicated(events: list[tuple[str, int]]) -> None:
    detector = BurstDetector()
    now, out, sent = 0, "", ""
    for key, gap in events:
        now += gap
        sent += key
        decision = detector.feed(key, now)
        if decision.action is Action.RELEASE:
            out += decision.text + decision.terminator
        elif decision.action is Action.SCAN:
            out += decision.text + key
    out += detector.flush(now + 1000).text
    assert out == sent
