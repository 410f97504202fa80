"""reconciliation, counts, receiving

Revision ID: 0007_manager
Revises: 0006_sync
"""

revision = "0007_manager"
down_revision = "0006_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
