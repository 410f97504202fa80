"""Promotions for a manager: the store's rules, an editor to create, edit, copy and end them,
a preview of what a sample cart would get, and the rules as a CSV file (import, export).

Every change goes through the promotion services (manager only, audited) on the long-job
worker; the counter reads the rules again after its next sale."""

from __future__ import annotations

from datetime import date, time
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen, parse_fen
from redhome_pos.domain.promotions import (
    Promotion,
    PromotionError,
    PromotionKind,
    Schedule,
    ScopeKind,
    Stacking,
)
from redhome_pos.domain.staff import StaffSession
from redhome_pos.services import promotions as promotion_service
from redhome_pos.services import promotions_csv
from redhome_pos.services.promotions import Preview, RuleForm
from ui.backoffice.long_jobs import long_worker
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error

KINDS = [k for k in PromotionKind if k is not PromotionKind.MEMBER_PRICE]
# The fields each kind reads (the others are hidden while it is chosen).
FIELDS = {
    PromotionKind.THRESHOLD_OFF: ("threshold", "off", "repeat"),
    PromotionKind.THRESHOLD_PERCENT: ("threshold", "min_qty", "pay"),
    PromotionKind.NTH_ITEM: ("nth", "pay"),
    PromotionKind.BUY_GET: ("buy", "get", "gift"),
    PromotionKind.BUNDLE: ("bundle", "price"),
    PromotionKind.SPECIAL_PRICE: ("price", "pay"),
}


def _listed(text: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in text.replace("；", ";").split(";") if v.strip())


class FormError(Exception):
    """A field of the editor that cannot be read; the message is already translated."""


class PromotionsScreen(QWidget):
    loaded = Signal()
    saved = Signal(object)  # the Promotion saved, copied or ended
    previewed = Signal(object)  # Preview
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.worker = long_worker(counter)
        self.rules: list[Promotion] = []
        self.editing: str | None = None  # the code of the rule in the editor

        title = QLabel(self.tr("Promotions"))
        title.setObjectName("title")
        self.table = make_table(
            [self.tr("Code"), self.tr("Promotion"), self.tr("State")], stretch=1
        )
        self.table.itemSelectionChanged.connect(self._chosen)
        self.new_button = self._button(self.tr("New"), self.new_rule)
        self.copy_button = self._button(self.tr("Copy"), self.copy_rule)
        self.end_button = self._button(self.tr("End now"), self.end_rule)
        self.import_button = self._button(self.tr("Import CSV"), self.import_csv)
        self.export_button = self._button(self.tr("Export CSV"), self.export_csv)
        self.csv_path = QLineEdit()
        self.csv_path.setPlaceholderText(self.tr("CSV file to import"))
        self.choose_button = self._button(self.tr("Choose…"), self.choose_file)

        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.new_button)
        head.addWidget(self.copy_button)
        head.addWidget(self.end_button)
        left.addLayout(head)
        left.addWidget(self.table, 1)
        left.addWidget(self.csv_path)
        files = QHBoxLayout()
        files.addWidget(self.choose_button)
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        left.addLayout(files)
        left_box = QWidget()
        left_box.setLayout(left)

        self._build_editor()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left_box)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.banner = Banner()
        column = QVBoxLayout(self)
        column.addWidget(split, 1)
        column.addWidget(self.banner)
        self.new_rule()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(44)
        button.clicked.connect(slot)
        return button

    # -- the editor -----------------------------------------------------------------------------
    def _build_editor(self) -> None:
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Empty: made from the rule, e.g. 满300减50"))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(self.kind_words(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.scope = QComboBox()
        for scope in ScopeKind:
            self.scope.addItem(self.scope_words(scope), scope.value)
        self.scope.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.scope_values = QLineEdit()
        self.scope_values.setPlaceholderText(self.tr("Separated by ;"))
        self.threshold = QLineEdit()
        self.threshold.setPlaceholderText(self.tr("Yuan, e.g. 300"))
        self.off = QLineEdit()
        self.off.setPlaceholderText(self.tr("Yuan, e.g. 50"))
        self.repeat = QCheckBox(self.tr("Again for every threshold reached"))
        self.repeat.setChecked(True)
        self.min_qty = self._spin(0, 99)
        self.pay = QLineEdit()
        self.pay.setPlaceholderText(self.tr("Percent paid: 90 = 9折, 50 = 半价"))
        self.nth = self._spin(0, 9)
        self.buy = self._spin(0, 99)
        self.get = self._spin(0, 99)
        self.gift = QLineEdit()
        self.gift.setPlaceholderText(self.tr("Empty: the cheapest item is free"))
        self.bundle = QLineEdit()
        self.bundle.setPlaceholderText("LIP-520*1; CLN-120*2")
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("Yuan"))
        self.first_day = QLineEdit()
        self.last_day = QLineEdit()
        self.start = QLineEdit()
        self.end = QLineEdit()
        for field, hint in (
            (self.first_day, self.tr("From YYYY-MM-DD")),
            (self.last_day, self.tr("To YYYY-MM-DD")),
            (self.start, self.tr("From HH:MM")),
            (self.end, self.tr("To HH:MM")),
        ):
            field.setPlaceholderText(hint)
        self.weekdays = QLineEdit()
        self.weekdays.setPlaceholderText(self.tr("Empty: every day; 6;7 = weekends"))
        self.member_only = QCheckBox(self.tr("Members only"))
        self.priority = self._spin(0, 9999)
        self.priority.setValue(100)
        self.stacking = QComboBox()
        for stacking in Stacking:
            self.stacking.addItem(self.stacking_words(stacking), stacking.value)
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("Rules of one group exclude each other"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        days = QHBoxLayout()
        days.addWidget(self.first_day)
        days.addWidget(self.last_day)
        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(self.end)
        self.rows: dict[str, QWidget] = {}
        for key, label, widget in (
            ("code", self.tr("Code"), self.code),
            ("name", self.tr("Words on the receipt"), self.name),
            ("kind", self.tr("Kind"), self.kind),
            ("scope", self.tr("Goods"), self.scope),
            ("values", self.tr("Which"), self.scope_values),
            ("threshold", self.tr("Threshold"), self.threshold),
            ("off", self.tr("Amount off"), self.off),
            ("repeat", "", self.repeat),
            ("min_qty", self.tr("Items needed"), self.min_qty),
            ("pay", self.tr("Percent paid"), self.pay),
            ("nth", self.tr("Which item (2 = the second)"), self.nth),
            ("buy", self.tr("Buy"), self.buy),
            ("get", self.tr("Free"), self.get),
            ("gift", self.tr("Gift SKU"), self.gift),
            ("bundle", self.tr("Bundle"), self.bundle),
            ("price", self.tr("Price"), self.price),
            ("days", self.tr("Days"), days),
            ("hours", self.tr("Hours"), hours),
            ("weekdays", self.tr("Weekdays"), self.weekdays),
            ("member", "", self.member_only),
            ("priority", self.tr("Priority (lower first)"), self.priority),
            ("stacking", self.tr("Combines"), self.stacking),
            ("group", self.tr("Exclusion group"), self.group),
        ):
            form.addRow(label, widget)
            if isinstance(widget, QWidget):  # the day and hour pairs are never hidden
                self.rows[key] = widget
        self.form = form

        self.save_button = self._button(self.tr("Save"), self.save_rule)
        self.save_button.setObjectName("complete")
        self.sample = QLineEdit()
        self.sample.setPlaceholderText(self.tr("Sample cart: SKU*quantity; …"))
        self.sample_member = QCheckBox(self.tr("As a member"))
        self.preview_button = self._button(self.tr("Preview"), self.preview)
        self.preview_text = QLabel()
        self.preview_text.setWordWrap(True)
        self.preview_text.setObjectName("muted")
        self.preview_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        inner = QWidget()
        inner_column = QVBoxLayout(inner)
        inner_column.addLayout(form)
        inner_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.editor = QWidget()
        editor_column = QVBoxLayout(self.editor)
        editor_column.setContentsMargins(0, 0, 0, 0)
        editor_column.addWidget(scroll, 1)
        # The preview stays in view under the form: "this cart would get…".
        sample = QHBoxLayout()
        sample.addWidget(self.sample, 1)
        sample.addWidget(self.sample_member)
        sample.addWidget(self.preview_button)
        editor_column.addLayout(sample)
        editor_column.addWidget(self.preview_text)
        editor_column.addWidget(self.save_button)

    @staticmethod
    def _spin(low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setMinimumHeight(36)
        return spin

    def kind_words(self, kind: PromotionKind) -> str:
        return {
            PromotionKind.THRESHOLD_OFF: self.tr("Amount off a spend (满减)"),
            PromotionKind.THRESHOLD_PERCENT: self.tr("Percent off a quantity or spend (满折)"),
            PromotionKind.NTH_ITEM: self.tr("Nth item discounted (第二件半价)"),
            PromotionKind.BUY_GET: self.tr("Buy some, get some free (买赠)"),
            PromotionKind.BUNDLE: self.tr("Bundle price (组合价)"),
            PromotionKind.SPECIAL_PRICE: self.tr("Special price (限时价)"),
            PromotionKind.MEMBER_PRICE: self.tr("Member price"),
        }[kind]

    def scope_words(self, scope: ScopeKind) -> str:
        return {
            ScopeKind.STORE: self.tr("Whole store"),
            ScopeKind.SKU: self.tr("SKUs (codes)"),
            ScopeKind.PRODUCT: self.tr("Products (numbers)"),
            ScopeKind.BRAND: self.tr("Brands"),
            ScopeKind.CATEGORY: self.tr("Categories"),
        }[scope]

    def stacking_words(self, stacking: Stacking) -> str:
        return {
            Stacking.STACK: self.tr("With other promotions"),
            Stacking.EXCLUSIVE_ITEMS: self.tr("Its goods take no other promotion"),
            Stacking.EXCLUSIVE_SALE: self.tr("No other promotion in the sale"),
        }[stacking]

    def _show_fields(self) -> None:
        wanted = FIELDS.get(PromotionKind(self.kind.currentData()), ())
        for key in ("threshold", "off", "repeat", "min_qty", "pay", "nth", "buy", "get"):
            self.form.setRowVisible(self.rows[key], key in wanted)
        for key in ("gift", "bundle", "price"):
            self.form.setRowVisible(self.rows[key], key in wanted)
        store = ScopeKind(self.scope.currentData()) is ScopeKind.STORE
        self.form.setRowVisible(self.rows["values"], not store)
        bundle = PromotionKind(self.kind.currentData()) is PromotionKind.BUNDLE
        self.form.setRowVisible(self.rows["scope"], not bundle)
        self.form.setRowVisible(self.rows["values"], not store and not bundle)

    def show_form(self, form: RuleForm) -> None:
        self.code.setText(form.code)
        self.name.setText(form.name)
        self.kind.setCurrentIndex(self.kind.findData(form.kind.value))
        self.scope.setCurrentIndex(self.scope.findData(form.scope.value))
        self.scope_values.setText("; ".join(form.scope_values))
        self.threshold.setText(_yuan(form.threshold_fen))
        self.off.setText(_yuan(form.off_fen))
        self.repeat.setChecked(form.repeat)
        self.min_qty.setValue(form.min_qty)
        self.pay.setText("" if form.pay_bp == 10_000 else f"{form.pay_bp / 100:g}")
        self.nth.setValue(form.nth)
        self.buy.setValue(form.buy_qty)
        self.get.setValue(form.get_qty)
        self.gift.setText(form.gift_sku)
        self.bundle.setText("; ".join(f"{code}*{qty}" for code, qty in form.bundle))
        self.price.setText(_yuan(form.price_fen) if form.price_fen is not None else "")
        schedule = form.schedule
        self.first_day.setText(schedule.first_day.isoformat() if schedule.first_day else "")
        self.last_day.setText(schedule.last_day.isoformat() if schedule.last_day else "")
        self.start.setText(schedule.start.strftime("%H:%M") if schedule.start else "")
        self.end.setText(schedule.end.strftime("%H:%M") if schedule.end else "")
        self.weekdays.setText(";".join(str(d) for d in sorted(schedule.weekdays)))
        self.member_only.setChecked(form.member_only)
        self.priority.setValue(form.priority)
        self.stacking.setCurrentIndex(self.stacking.findData(form.stacking.value))
        self.group.setText(form.group)
        self._show_fields()

    def read_form(self) -> RuleForm:
        """The editor's fields as a form (``FormError`` names a field that cannot be read)."""
        kind = PromotionKind(self.kind.currentData())
        wanted = FIELDS.get(kind, ())
        bundle = []
        for item in _listed(self.bundle.text()) if "bundle" in wanted else ():
            code, _, qty = item.partition("*")
            if qty and not qty.strip().isdigit():
                raise FormError(self.tr("Write each SKU of a bundle as code*quantity"))
            bundle.append((code.strip(), int(qty or 1)))
        weekdays = []
        for day in _listed(self.weekdays.text()):
            if not day.isdigit() or not 1 <= int(day) <= 7:
                raise FormError(self.tr("Weekdays are 1 (Monday) to 7 (Sunday)"))
            weekdays.append(int(day))
        try:
            schedule = Schedule(
                self._day(self.first_day),
                self._day(self.last_day),
                self._hour(self.start),
                self._hour(self.end),
                frozenset(weekdays),
            )
        except DomainError as error:
            raise FormError(describe_error(error)) from None
        return RuleForm(
            code=self.code.text().strip(),
            kind=kind,
            name=self.name.text().strip(),
            scope=ScopeKind(self.scope.currentData()),
            scope_values=_listed(self.scope_values.text()),
            schedule=schedule,
            member_only=self.member_only.isChecked(),
            priority=self.priority.value(),
            stacking=Stacking(self.stacking.currentData()),
            group=self.group.text().strip(),
            threshold_fen=self._fen(self.threshold) if "threshold" in wanted else 0,
            off_fen=self._fen(self.off) if "off" in wanted else 0,
            repeat=self.repeat.isChecked(),
            min_qty=self.min_qty.value() if "min_qty" in wanted else 0,
            pay_bp=self._percent() if "pay" in wanted else 10_000,
            nth=self.nth.value() if "nth" in wanted else 0,
            buy_qty=self.buy.value() if "buy" in wanted else 0,
            get_qty=self.get.value() if "get" in wanted else 0,
            gift_sku=self.gift.text().strip() if "gift" in wanted else "",
            bundle=tuple(bundle),
            price_fen=self._fen(self.price) if "price" in wanted and self.price.text() else None,
        )

    def _fen(self, field: QLineEdit) -> int:
        text = field.text().strip()
        if not text:
            return 0
        try:
            return parse_fen(text)
        except DomainError as error:
            raise FormError(describe_error(error)) from None

    def _percent(self) -> int:
        text = self.pay.text().strip().rstrip("%")
        if not text:
            return 10_000
        try:
            value = round(float(text) * 100)
        except ValueError:
            raise FormError(self.tr("The percent paid is a number, e.g. 90")) from None
        return value

    def _day(self, field: QLineEdit) -> date | None:
        text = field.text().strip()
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            raise FormError(self.tr("Not a date (YYYY-MM-DD): {text}").format(text=text)) from None

    def _hour(self, field: QLineEdit) -> time | None:
        text = field.text().strip()
        try:
            return time.fromisoformat(text) if text else None
        except ValueError:
            raise FormError(self.tr("Not a time (HH:MM): {text}").format(text=text)) from None

    # -- the list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.worker.submit(
            partial(promotion_service.list_promotions, self.counter.database),
            on_done=self._listed_rules,
            on_error=self._fail,
        )

    def activate(self) -> None:
        self.refresh()

    def _listed_rules(self, rules: list[Promotion]) -> None:
        self.rules = rules
        now = self.counter.till.now()
        timezone = self.counter.context.timezone
        fill(
            self.table,
            [
                (
                    rule.code,
                    rule.label,
                    self.tr("Ended")
                    if rule.ended
                    else self.tr("On now")
                    if rule.schedule.is_on(now, timezone)
                    else self.tr("Not now"),
                )
                for rule in rules
            ],
        )
        if self.editing is not None:
            self._select(self.editing)
        self.loaded.emit()

    def _select(self, code: str) -> None:
        for row, rule in enumerate(self.rules):
            if rule.code == code:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)

    def choose(self, code: str) -> None:
        """Open the rule ``code`` in the editor."""
        rule = next((r for r in self.rules if r.code == code), None)
        if rule is None:
            return
        self.editing = code
        self._select(code)
        self.worker.submit(
            partial(promotion_service.form_of, self.counter.database, rule),
            on_done=self.show_form,
            on_error=self._fail,
        )

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.rules):
            self.choose(self.rules[rows[0].row()].code)

    def selected_code(self) -> str | None:
        return self.editing

    # -- changes --------------------------------------------------------------------------------
    def _manager(self) -> StaffSession | None:
        return self.counter.session.acting(self._fail)

    def new_rule(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.show_form(RuleForm(code="", kind=PromotionKind.THRESHOLD_OFF))
        self.preview_text.clear()

    def _draft(self) -> RuleForm | None:
        try:
            return self.read_form()
        except FormError as error:
            self._fail(str(error))
            return None

    def save_rule(self) -> None:
        form = self._draft()
        if form is None:
            return
        database, till, staff = self.counter.database, self.counter.till, self._manager()
        if staff is None:
            return

        def job() -> Promotion:
            rule = promotion_service.rule_of(database, form)
            return promotion_service.save_promotion(database, till, staff, rule)

        self.worker.submit(job, on_done=self._saved, on_error=self._fail)

    def _saved(self, rule: Promotion) -> None:
        self.editing = rule.code
        self.banner.show_ok(self.tr("Promotion {code} saved").format(code=rule.code))
        self.saved.emit(rule)
        self.refresh()

    def copy_rule(self) -> None:
        code = self.editing
        if code is None:
            self._fail(self.tr("Choose the promotion to copy"))
            return
        database, till, staff = self.counter.database, self.counter.till, self._manager()
        if staff is None:
            return

        def job() -> tuple[Promotion, RuleForm]:
            new_code = promotion_service.free_code(database, code)
            copied = promotion_service.copy_promotion(database, till, staff, code, new_code)
            return copied, promotion_service.form_of(database, copied)

        self.worker.submit(job, on_done=self._copied, on_error=self._fail)

    def _copied(self, result: tuple[Promotion, RuleForm]) -> None:
        rule, form = result
        self.editing = rule.code
        self.show_form(form)
        self.banner.show_ok(self.tr("Copied as {code}: change it and save").format(code=rule.code))
        self.saved.emit(rule)
        self.refresh()

    def end_rule(self) -> None:
        code = self.editing
        if code is None:
            self._fail(self.tr("Choose the promotion to end"))
            return
        database, till, staff = self.counter.database, self.counter.till, self._manager()
        if staff is None:
            return

        def job() -> Promotion:
            promotion_service.end_promotion(database, till, staff, code)
            ended = next(
                (r for r in promotion_service.list_promotions(database) if r.code == code), None
            )
            if ended is None:
                raise PromotionError("No promotion with code {code}", code=code)
            return ended

        self.worker.submit(job, on_done=self._ended, on_error=self._fail)

    def _ended(self, rule: Promotion) -> None:
        self.banner.show_ok(self.tr("Promotion {code} ended").format(code=rule.code))
        self.saved.emit(rule)
        self.refresh()

    # -- preview --------------------------------------------------------------------------------
    def preview(self) -> None:
        form = self._draft()
        if form is None:
            return
        items = []
        for item in _listed(self.sample.text()):
            code, _, qty = item.partition("*")
            if qty and not qty.strip().isdigit():
                self._fail(self.tr("Write the sample cart as code*quantity; …"))
                return
            items.append((code.strip(), int(qty or 1)))
        if not items:
            self._fail(self.tr("Type a sample cart to preview, e.g. LIP-520*2"))
            return
        database, till, member = self.counter.database, self.counter.till, self.sample_member
        with_member = member.isChecked()

        def job() -> Preview:
            draft = promotion_service.rule_of(database, form) if form.code else None
            return promotion_service.preview(database, till, draft, items, member=with_member)

        self.worker.submit(job, on_done=self._previewed, on_error=self._fail)

    def _previewed(self, preview: Preview) -> None:
        lines = [
            self.tr("This cart would get {saved} off from this promotion: {total} to pay "
                    "instead of {without}.").format(
                saved=format_fen(preview.rule_saves_fen),
                total=format_fen(preview.total_fen),
                without=format_fen(preview.without_fen),
            )
        ]  # fmt: skip
        for priced in preview.cart.totals().lines:
            for saving in priced.savings:
                lines.append(
                    f"{priced.line.title} ×{priced.line.quantity}: "
                    f"{saving.label} {format_fen(-saving.amount_fen)}"
                )
        self.preview_text.setText("\n".join(lines))
        self.previewed.emit(preview)

    # -- CSV ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Promotions CSV"), "", self.tr("CSV files (*.csv)")
        )
        if path:
            self.csv_path.setText(path)

    def import_csv(self) -> None:
        text = self.csv_path.text().strip()
        if not text:
            self._fail(self.tr("Choose the CSV file to import"))
            return
        database, till, staff = self.counter.database, self.counter.till, self._manager()
        if staff is None:
            return
        self.worker.submit(
            partial(promotions_csv.import_promotions, database, till, staff, Path(text)),
            on_done=self._imported,
            on_error=self._fail,
        )

    def _imported(self, count: int) -> None:
        self.banner.show_ok(self.tr("{count} promotions imported").format(count=count))
        self.refresh()

    def export_csv(self) -> None:
        folder = Path(self.counter.context.preview_dir or Path.home()) / "exports"
        today = f"{self.counter.till.today():%Y%m%d}"  # the store's date, not the machine's
        path = folder / f"promotions-{today}.csv"

        def job() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            promotions_csv.export_promotions(self.counter.database, path)
            return path

        self.worker.submit(job, on_done=self._exported, on_error=self._fail)

    def _exported(self, path: Path) -> None:
        self.banner.show_ok(self.tr("Saved as {path}").format(path=str(path)))

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)


def _yuan(fen: int) -> str:
    return format_fen(fen, sign=False).removesuffix(".00") if fen else ""
