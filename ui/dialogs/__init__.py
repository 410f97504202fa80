"""Modal dialogs: only for decisions (approval, tender, amounts)."""
