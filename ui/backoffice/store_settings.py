"""The store's settings for a manager: store, terminal, stock rule, a test print on every
printer, and the sync with the online store in words (status and its recent log)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.config import Config
from sync.status import SyncStatus
from ui.backoffice import online_jobs, settings_jobs
from ui.backoffice.online_jobs import Connection
from ui.backoffice.settings_jobs import StoreChanges
from ui.backoffice.sync_words import log_words
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error

WARN_BEFORE = timedelta(days=7)


class StoreSettingsScreen(QWidget):
    saved = Signal(object)  # the Config written
    connection_shown = Signal(object)  # Connection
    approval_page_shown = Signal(str)
    printed = Signal(list)  # print job ids
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        title = QLabel(self.tr("Store settings"))
        title.setObjectName("title")
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.footer = QLineEdit()
        self.terminal = QLineEdit()
        self.negative = QCheckBox(self.tr("Allow selling below zero stock"))
        self.negative.setMinimumHeight(44)
        self.card_reference = QCheckBox(self.tr("Card: slip reference required"))
        self.card_reference.setMinimumHeight(44)
        self.external = QCheckBox(self.tr("Wallets on a separate terminal too"))
        self.external.setToolTip(
            self.tr("Take WeChat Pay and Alipay on a separate terminal or a static QR code")
        )
        self.external.setMinimumHeight(44)
        form = QFormLayout()
        for text, field in (
            (self.tr("Store name"), self.name),
            (self.tr("Address"), self.address),
            (self.tr("Receipt footer"), self.footer),
            (self.tr("Terminal"), self.terminal),
        ):
            label = QLabel(text)
            label.setMinimumHeight(44)  # as tall as its field, so both sit on one line
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(label, field)
        form.addRow("", self.negative)
        payments_row = QHBoxLayout()
        payments_row.addWidget(self.card_reference)
        payments_row.addWidget(self.external)
        payments_row.addStretch(1)
        form.addRow("", payments_row)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("complete")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Test print on every printer"))
        self.print_button.clicked.connect(self.print_test)
        for button in (self.save_button, self.print_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        self.printers = QLabel()
        self.printers.setObjectName("muted")
        self.printers.setWordWrap(True)
        self.banner = Banner()
        online_title = QLabel(self.tr("Online store connection"))
        online_title.setObjectName("title")
        self.connection_state = QLabel()
        self.connection_state.setWordWrap(True)
        self.page_button = QPushButton(self.tr("Show the approval page"))
        self.page_button.clicked.connect(self.show_approval_page)
        self.page = QLabel()
        self.page.setObjectName("muted")
        self.page.setWordWrap(True)
        self.page.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Code from the approval page"))
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.clicked.connect(self.connect_store)
        for button in (self.page_button, self.connect_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        online_row = QHBoxLayout()
        online_row.addWidget(self.page_button)
        online_row.addWidget(self.code, 1)
        online_row.addWidget(self.connect_button)
        sync_title = QLabel(self.tr("Sync with the online store"))
        sync_title.setObjectName("title")
        self.sync_state = QLabel()
        self.sync_state.setWordWrap(True)
        self.sync_log = QListWidget()
        self.sync_log.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # Scrolls when the window is too short for every setting (1024×768 with the banner).
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        column = QVBoxLayout(content)
        column.addWidget(title)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.printers)
        column.addWidget(self.banner)
        column.addWidget(online_title)
        column.addWidget(self.connection_state)
        column.addLayout(online_row)
        column.addWidget(self.page)
        column.addWidget(sync_title)
        column.addWidget(self.sync_state)
        self.sync_log.setMinimumHeight(120)
        column.addWidget(self.sync_log, 1)
        self.show_config()

    @property
    def config(self) -> Config | None:
        config = self.counter.context.config
        return config if isinstance(config, Config) else None

    def show_config(self) -> None:
        config = self.config
        enabled = config is not None
        for widget in (
            self.name,
            self.address,
            self.footer,
            self.terminal,
            self.negative,
            self.card_reference,
            self.external,
        ):
            widget.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.print_button.setEnabled(enabled and self.counter.context.print_queue is not None)
        for control in (self.page_button, self.code, self.connect_button):
            control.setEnabled(enabled)
        if config is None:
            self.sync_state.setText(self.tr("No configuration file: settings cannot be saved"))
            return
        self.name.setText(config.store.name)
        self.address.setText(config.store.address)
        self.footer.setText(config.store.receipt_footer)
        self.terminal.setText(config.terminal_id)
        self.negative.setChecked(config.store.allow_negative_stock)
        self.card_reference.setChecked(config.store.card_reference_required)
        self.external.setChecked(config.store.external_terminal)
        self.printers.setText(
            self.tr("Printers: {printers}").format(
                printers=", ".join(
                    f"{name} ({printer.transport})"
                    for name, printer in sorted(config.printers.items())
                )
                or "-"
            )
        )

    def activate(self) -> None:
        self.show_config()
        self.counter.worker.submit(
            partial(settings_jobs.read_sync_status, self.counter.database),
            on_done=self._sync,
            on_error=self._fail,
        )

        config = self.config
        if config is not None:
            self.counter.worker.submit(
                partial(online_jobs.connection, config, self.counter.database),
                on_done=self._connection,
                on_error=self._fail,
            )

    def connection_words(self, state: Connection, now: datetime | None = None) -> str:
        if not state.connected or state.expires_at is None:
            return self.tr("Not connected: show the approval page, approve, enter the code")
        left = state.expires_at - (now or datetime.now(UTC))
        seller = state.seller or self.tr("the online store")
        if left <= timedelta(0):
            return self.tr("The authorisation for {seller} has expired: connect again").format(
                seller=seller
            )
        if left <= WARN_BEFORE:
            return self.tr(
                "Warning: the authorisation for {seller} runs out in {days} days: connect again"
            ).format(seller=seller, days=max(left.days, 0))
        return self.tr("Connected to {seller} until {date}").format(
            seller=seller, date=self.counter.local_time(state.expires_at, "%Y-%m-%d")
        )

    def _connection(self, state: Connection) -> None:
        self.connection_state.setText(self.connection_words(state))
        self.connection_shown.emit(state)

    def show_approval_page(self) -> None:
        config = self.config
        if config is None:
            return
        self.counter.slow_worker.submit(
            partial(online_jobs.approval_page, config, self.counter.database),
            on_done=self._page,
            on_error=self._fail,
        )

    def _page(self, url: str) -> None:
        self.page.setText(url)
        self.approval_page_shown.emit(url)

    def connect_store(self) -> None:
        config = self.config
        clerk = self.counter.session.clerk
        if config is None or clerk is None or not self.code.text().strip():
            return
        self.counter.slow_worker.submit(
            partial(
                online_jobs.connect,
                config,
                self.counter.database,
                self.counter.till,
                clerk,
                self.code.text(),
            ),
            on_done=self._connected,
            on_error=self._fail,
        )
        self.code.clear()

    def _connected(self, state: Connection) -> None:
        self.banner.show_ok(self.tr("The store is connected to its online store"))
        self._connection(state)

    def _sync(self, status: SyncStatus) -> None:
        if status.online is None:
            state = self.tr("The online store has not been reached yet")
        elif status.online:
            state = self.tr("Online store connected")
        else:
            state = self.tr("Online store not reachable: {error}").format(error=status.last_error)
        self.sync_state.setText(
            self.tr("{state}. To send: stock changes {stock} · deliveries {deliveries}.").format(
                state=state, stock=status.stock_queue, deliveries=status.deliveries_waiting
            )
        )
        self.sync_log.clear()
        zone = ZoneInfo(self.counter.context.timezone)
        for entry in status.recent:
            self.sync_log.addItem(f"{entry.at.astimezone(zone):%m-%d %H:%M} {log_words(entry)}")

    def save(self) -> None:
        config = self.config
        clerk = self.counter.session.clerk
        if config is None or clerk is None:
            return
        changes = StoreChanges(
            self.name.text(),
            self.address.text(),
            self.footer.text(),
            self.terminal.text(),
            self.negative.isChecked(),
            self.card_reference.isChecked(),
            self.external.isChecked(),
        )
        self.counter.worker.submit(
            partial(
                settings_jobs.save_store_settings,
                self.counter.database,
                self.counter.till,
                clerk,
                config,
                changes,
            ),
            on_done=self._saved,
            on_error=self._fail,
        )

    def _saved(self, config: Config) -> None:
        context = self.counter.context
        context.config = config
        context.store_name = config.store.name
        context.store_address = config.store.address
        context.receipt_footer = config.store.receipt_footer
        context.allow_negative_stock = config.store.allow_negative_stock
        context.card_reference_required = config.store.card_reference_required
        context.external_terminal = config.store.external_terminal
        self.banner.show_ok(self.tr("Settings saved"))
        self.saved.emit(config)

    def print_test(self) -> None:
        config = self.config
        queue = self.counter.context.print_queue
        if config is None or queue is None:
            return
        self.counter.slow_worker.submit(
            partial(settings_jobs.test_print, queue, config),
            on_done=self._printed,
            on_error=self._fail,
        )

    def _printed(self, job_ids: list[int]) -> None:
        self.banner.show_ok(self.tr("{count} test pages sent").format(count=len(job_ids)))
        self.printed.emit(job_ids)

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
