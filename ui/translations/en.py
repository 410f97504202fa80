"""English plural forms of the strings that count something (``tr(text, "", n)``, ``%n``):
the source says ``item(s)``; the English catalog holds the one and the other form, so a
customer reads "1 item" and "3 items". Chinese has one form (``zh/``)."""

from __future__ import annotations

PLURALS: dict[str, tuple[str, str]] = {
    "%n item(s)": ("%n item", "%n items"),
    "#{number}  parked at {time}  ·  %n item(s)  ·  {amount}": (
        "#{number}  parked at {time}  ·  %n item  ·  {amount}",
        "#{number}  parked at {time}  ·  %n items  ·  {amount}",
    ),
}
