"""English plural forms of the strings that count something (``tr(text, "", n)``, ``%n``):
the source says ``item(s)``; the English catalog holds the one and the other form, so a
customer reads "1 item" and "3 items". Chinese has one form (``zh/``)."""

from __future__ import annotations

PLURALS: dict[str, tuple[str, str]] = {
    "%n item(s)": ("%n item", "%n items"),
    "%n sale(s), {amount}": ("%n sale, {amount}", "%n sales, {amount}"),
    "{day}: every line matches (%n line(s))": (
        "{day}: every line matches (%n line)",
        "{day}: every line matches (%n lines)",
    ),
    "Note {note}: %n product(s)": ("Note {note}: %n product", "Note {note}: %n products"),
    "%n line(s) decided": ("%n line decided", "%n lines decided"),
    "%n delivery(s) waiting to be sent": (
        "%n delivery waiting to be sent",
        "%n deliveries waiting to be sent",
    ),
    "#{number}  parked at {time}  ·  %n item(s)  ·  {amount}": (
        "#{number}  parked at {time}  ·  %n item  ·  {amount}",
        "#{number}  parked at {time}  ·  %n items  ·  {amount}",
    ),
}
