"""Opening the shift with the float counted, offered as soon as someone logs in at a till with
no open shift: no sale is rung up before the drawer's cash is known."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QDialog, QWidget

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import parse_fen
from redhome_pos.domain.shift import Shift
from redhome_pos.services import shifts as shift_service
from ui.counter import Counter
from ui.dialogs.amount import AmountDialog
from ui.errors import describe_error


class OpenShiftDialog(AmountDialog):
    """Closes itself once a shift is open (here, on the shift screen or by anyone)."""

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Open the shift"),
            self.tr(
                "No shift is open at this till. Count the cash in the drawer and enter it as "
                "the float; sales start once the shift is open."
            ),
            money=True,
            parent=parent,
        )
        self.counter = counter
        self._busy = False
        self.field.setPlaceholderText(self.tr("Float counted, e.g. 500"))
        counter.session.shift_changed.connect(self._shift_changed)

    def accept(self) -> None:
        clerk = self.counter.session.clerk
        if self._busy or clerk is None:
            return
        try:
            float_fen = parse_fen(self.field.text().strip() or "0")
        except DomainError as error:
            self._failed(error)
            return
        self._busy = True
        self.error.hide()
        self.counter.worker.submit(
            partial(
                shift_service.open_shift, self.counter.database, self.counter.till, clerk, float_fen
            ),
            on_done=self._opened,
            on_error=self._failed,
        )

    def _opened(self, shift: Shift) -> None:
        self._busy = False
        self.counter.session.set_shift(shift)

    def _failed(self, error: object) -> None:
        self._busy = False
        self.error.setText(describe_error(error))
        self.error.show()
        self.field.selectAll()

    def _shift_changed(self, shift: Shift | None) -> None:
        if shift is not None and self.isVisible():
            QDialog.accept(self)

    def handle_scan(self, _text: str) -> None:
        """A scan before the shift is open is not sold: say so here, where the clerk looks."""
        self.error.setText(self.tr("Open the shift first; the scanned item was not added."))
        self.error.show()
