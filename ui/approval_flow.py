"""Ask a supervisor's approval, then do the action again with it: one flow for every screen.

A screen calls ``ask_if_needed`` before an action that may need approval. When the clerk may do
it alone it returns False and the screen goes on; otherwise it opens the approval dialog, returns
True (the screen stops there), and once a supervisor's PIN is checked the screen's ``retry`` runs
with the approval's id. The dialog up is kept in the owner's ``dialog`` while it is open (tests
and scans look there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QWidget

from redhome_pos.domain.approvals import ApprovedScope
from redhome_pos.domain.staff import Permission
from ui.counter import Counter
from ui.dialogs.approval import ApprovalDialog


class ApprovalOwner(Protocol):
    counter: Counter
    dialog: Any


def ask_if_needed(
    owner: ApprovalOwner,
    parent: QWidget,
    permission: Permission,
    reason: str,
    retry: Callable[[int], None],
    *,
    needed: bool | None = None,
    detail: dict[str, Any] | None = None,
    covers: ApprovedScope | None = None,
    show: Callable[[QDialog], object] | None = None,
) -> bool:
    """True when an approval was asked for (``retry(approval_id)`` follows once given).

    ``needed`` overrides the role check (a discount weighs the clerk's own limit); ``show``
    opens the dialog the owner's way (default: window-modal ``open()``)."""
    clerk = owner.counter.session.clerk
    if clerk is None:
        return True  # nobody to act: nothing goes ahead
    if needed is None:
        needed = not clerk.may(permission)
    if not needed:
        return False
    dialog = ApprovalDialog(
        owner.counter, clerk, permission, reason, detail, parent=parent, covers=covers
    )
    dialog.approved.connect(retry)
    if show is not None:
        show(dialog)
        return True
    owner.dialog = dialog
    dialog.finished.connect(lambda _result: _forget(owner, dialog))
    dialog.open()
    return True


def _forget(owner: ApprovalOwner, dialog: QDialog) -> None:
    if owner.dialog is dialog:
        owner.dialog = None
