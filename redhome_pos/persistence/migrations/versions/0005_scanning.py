"""RED note links and scans

Revision ID: 0005_scanning
Revises: 0004_printing
"""

revision = "0005_scanning"
down_revision = "0004_printing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
