"""Lots at the counter: after a lot-tracked item is added, the clerk is told which lot sells
and when it expires, warned when it expires soon, and stopped when it has expired (the line is
taken off unless a manager approves selling it, with a reason)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.approvals import ApprovedScope
from redhome_pos.domain.cart import CartError
from redhome_pos.domain.staff import Permission
from redhome_pos.services import lots
from ui.dialogs.approval import ApprovalDialog
from ui.errors import describe_error

if TYPE_CHECKING:
    from ui.wiring import SaleActions


class ExpiredDialog(QDialog):
    """Expired goods scanned: take the line off (the default), or ask a manager."""

    def __init__(self, title: str, lot: str, expiry: date | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expired goods"))
        self.setMinimumWidth(520)
        when = expiry.isoformat() if expiry is not None else ""
        text = QLabel(
            self.tr("{title}, lot {lot}, expired on {expiry}. It must not be sold.").format(
                title=title, lot=lot or self.tr("(unknown)"), expiry=when
            )
        )
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 18px;")
        self.reason = QLineEdit()
        self.reason.setMinimumHeight(44)
        self.reason.setPlaceholderText(self.tr("Reason, if a manager allows the sale"))
        self.error = QLabel()
        self.error.setObjectName("banner")
        self.error.hide()
        self.remove_button = QPushButton(self.tr("Take it off the sale"))
        self.approve_button = QPushButton(self.tr("Manager allows the sale…"))
        for button in (self.remove_button, self.approve_button):
            button.setMinimumHeight(52)
        self.remove_button.setDefault(True)
        self.remove_button.setObjectName("primary")
        self.remove_button.clicked.connect(self.reject)
        self.approve_button.clicked.connect(self._ask)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.remove_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.tr("Say why expired goods are sold"))
            self.error.show()
            self.reason.setFocus()
            return
        self.done(2)


class LotGuard(QObject):
    """Watches lines added to the sale and checks their lots on the database worker."""

    def __init__(self, actions: SaleActions) -> None:
        super().__init__(actions)
        self.actions = actions
        self.sale = actions.sale
        self.counter = actions.counter
        self.sale.line_added.connect(self.check)

    def check(self, line_no: int) -> None:
        try:
            line = self.sale.cart.line(line_no)
        except CartError:
            return
        self.counter.worker.submit(
            partial(
                lots.lot_notice,
                self.counter.database,
                self.counter.till,
                line.sku_id,
                lot=line.lot,
                lot_expiry=line.lot_expiry,
            ),
            on_done=lambda notice: self.show(line_no, notice),
            on_error=lambda error: self.sale.fail(describe_error(error)),
        )

    def show(self, line_no: int, notice: lots.LotNotice) -> None:
        if not notice.tracked:
            return
        try:
            line = self.sale.cart.line(line_no)
        except CartError:
            return
        lot = notice.lot_code or self.tr("(unknown)")
        if notice.expired and line.expired_approval_id is None:
            self._expired(line_no, line.title, notice)
        elif notice.expiring_soon:
            self.sale.banner.show_warning(
                self.tr("{title}: lot {lot} expires on {expiry} ({days} days left)").format(
                    title=line.title,
                    lot=lot,
                    expiry=notice.expiry.isoformat() if notice.expiry else "",
                    days=notice.days_left,
                )
            )
        elif notice.expiry is not None:
            self.sale.banner.show_ok(
                self.tr("{title}: lot {lot}, use by {expiry}").format(
                    title=line.title, lot=lot, expiry=notice.expiry.isoformat()
                ),
                2500,
            )

    def _expired(self, line_no: int, title: str, notice: lots.LotNotice) -> None:
        dialog = ExpiredDialog(title, notice.lot_code, notice.expiry, self.actions.window)
        dialog.finished.connect(lambda result: self._decided(line_no, dialog, result))
        self.actions._open(dialog)

    def _decided(self, line_no: int, dialog: ExpiredDialog, result: int) -> None:
        if result != 2:
            self.sale.cart.remove(line_no)
            self.sale.refresh()
            self.sale.banner.show_error(self.tr("Expired goods taken off the sale"))
            return
        clerk = self.counter.session.clerk
        if clerk is None:
            return
        reason = dialog.reason.text().strip()
        line = self.sale.cart.line(line_no)
        approval = ApprovalDialog(
            self.counter,
            clerk,
            Permission.SELL_EXPIRED,
            self.tr("Selling goods past their expiry date needs a manager."),
            {"reason": reason},
            parent=self.actions.window,
            covers=ApprovedScope(sku=line.sku_code, quantity=line.quantity),
        )
        approval.approved.connect(lambda approval_id: self._allowed(line_no, reason, approval_id))
        approval.rejected.connect(lambda: self._decided(line_no, dialog, 0))
        self.actions._open(approval)

    def _allowed(self, line_no: int, reason: str, approval_id: int) -> None:
        try:
            self.sale.cart.allow_expired(line_no, reason=reason, approval_id=approval_id)
        except CartError as error:
            self.sale.fail(describe_error(error))
            return
        self.sale.refresh(line_no)
