"""catalog search index

Revision ID: 0002_search
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_search"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_terms",
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column(
            "term",
            sa.String(length=24).with_variant(sa.String(length=24, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("sku_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_search_terms_product_id_products")
        ),
        sa.PrimaryKeyConstraint("rank", "term", "product_id", name=op.f("pk_search_terms")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("search_terms", schema=None) as batch_op:
        batch_op.create_index("ix_search_terms_product_term", ["product_id", "term"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("search_terms", schema=None) as batch_op:
        batch_op.drop_index("ix_search_terms_product_term")
    op.drop_table("search_terms")
