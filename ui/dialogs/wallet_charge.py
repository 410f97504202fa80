"""The tender dialog's view of a wallet charge under way: what is happening in words, the
seconds counting, and a Cancel that asks the provider to reverse the payment.

The charge itself runs on the counter's payment worker (``services.payments.Payments``); its
progress comes back through ``ChargeRelay`` (a signal, so it crosses to the GUI thread)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from redhome_pos.domain.money import format_fen
from redhome_pos.domain.payments import AttemptState
from redhome_pos.domain.tender import TenderKind
from redhome_pos.services.payments import ChargeProgress


class ChargeRelay(QObject):
    """Carries ``on_progress`` calls from the payment worker to the GUI thread."""

    progress = Signal(object)  # ChargeProgress


class WalletChargePanel(QFrame):
    """Shown while the provider is asked: "等待顾客输入支付密码…" with the seconds waited."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chargePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state: AttemptState | None = None
        self.wallet = ""
        self._started = 0.0
        self.title = QLabel()
        self.title.setObjectName("chargeTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds = QLabel()
        self.seconds.setObjectName("chargeSeconds")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel the payment (Esc)"))
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.setMinimumHeight(56)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(lambda *_: self.cancel_requested.emit())
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(6)
        column.addWidget(self.title)
        column.addWidget(self.seconds)
        column.addWidget(self.detail)
        column.addWidget(self.cancel_button)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.tick)
        self.hide()

    def wallet_name(self, kind: TenderKind) -> str:
        return self.tr("WeChat Pay") if kind is TenderKind.WECHAT else self.tr("Alipay")

    def start(self, kind: TenderKind, amount_fen: int) -> None:
        self.wallet = self.wallet_name(kind)
        self.state = None
        self._started = time.monotonic()
        self._title(
            self.tr("Charging {amount} to {wallet}…").format(
                amount=format_fen(amount_fen), wallet=self.wallet
            )
        )
        self.detail.setText(
            self.tr("{wallet} {amount} · the customer's code was scanned").format(
                wallet=self.wallet, amount=format_fen(amount_fen)
            )
        )
        self.cancel_button.setEnabled(True)
        self.tick()
        self._timer.start()
        self.show()

    def show_progress(self, progress: ChargeProgress) -> None:
        if self.state is AttemptState.REVERSING and progress.state is not AttemptState.REVERSING:
            return  # cancelling: later "still paying" news does not take it back
        self.state = progress.state
        if progress.state is AttemptState.PAYING:
            self._title(self.tr("Waiting for the customer's payment password…"))
        elif progress.state is AttemptState.UNKNOWN:
            self._title(
                self.tr(
                    "No clear answer from {wallet} yet: finding out. "
                    "Do not charge the customer again"
                ).format(wallet=self.wallet)
            )
        elif progress.state is AttemptState.REVERSING:
            self.cancelling()

    def cancelling(self) -> None:
        self.state = AttemptState.REVERSING
        self._title(self.tr("Cancelling the payment with {wallet}…").format(wallet=self.wallet))
        self.cancel_button.setEnabled(False)

    def _title(self, text: str) -> None:
        """A title that may wrap gets the height of its lines (a dialog sized before would
        cut the second line off)."""
        self.title.setText(text)
        width = self.title.width() if self.title.isVisible() else self.width() - 32
        self.title.setMinimumHeight(self.title.heightForWidth(max(width, 200)))

    def tick(self) -> None:
        waited = int(time.monotonic() - self._started)
        self.seconds.setText(self.tr("{seconds} s").format(seconds=waited))

    def stop(self) -> None:
        self._timer.stop()
        self.hide()
