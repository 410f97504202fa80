"""online store sync state

Revision ID: 0006_sync
Revises: 0005_scanning
"""

from alembic import op
import sqlalchemy as sa
import redhome_pos.persistence.models.base


revision = "0006_sync"
down_revision = "0005_scanning"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('online_orders',
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('fulfilment', sa.String(length=8), nullable=False),
    sa.Column('warehouse_code', sa.String(length=64), nullable=False),
    sa.Column('ours', sa.Boolean(), nullable=False),
    sa.Column('online_created_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('online_updated_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('receiver_name', sa.String(length=100), nullable=False),
    sa.Column('receiver_phone_masked', sa.String(length=32), nullable=False),
    sa.Column('receiver_address', sa.String(length=400), nullable=False),
    sa.Column('paid_fen', sa.Integer(), nullable=False),
    sa.Column('fetched_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_online_orders'))
    )
    with op.batch_alter_table('online_orders', schema=None) as batch_op:
        batch_op.create_index('ix_online_orders_ours_status', ['ours', 'status'], unique=False)

    op.create_table('online_tokens',
    sa.Column('store_kind', sa.String(length=16), nullable=False),
    sa.Column('access_token', sa.Text(), nullable=False),
    sa.Column('access_expires_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('refresh_token', sa.Text(), nullable=False),
    sa.Column('refresh_expires_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('seller_id', sa.String(length=64), nullable=False),
    sa.Column('seller_name', sa.String(length=200), nullable=False),
    sa.Column('updated_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('store_kind', name=op.f('pk_online_tokens'))
    )
    op.create_table('sync_cursors',
    sa.Column('stream', sa.String(length=32), nullable=False),
    sa.Column('position', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('last_attempt_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_success_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('updated_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('stream', name=op.f('pk_sync_cursors'))
    )
    op.create_table('sync_lease',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('holder', sa.String(length=100), nullable=False),
    sa.Column('acquired_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_lease'))
    )
    op.create_table('sync_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('stream', sa.String(length=32), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('template', sa.Text(), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_log'))
    )
    with op.batch_alter_table('sync_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_log_at'), ['at'], unique=False)

    op.create_table('deliveries',
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('express_no', sa.String(length=64), nullable=False),
    sa.Column('company_code', sa.String(length=32), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('requested_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('confirmed_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('refused_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['online_orders.order_id'], name=op.f('fk_deliveries_order_id_online_orders')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_deliveries_staff_id_staff')),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_deliveries'))
    )
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deliveries_state'), ['state'], unique=False)

    op.create_table('online_order_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('red_sku_id', sa.String(length=64), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price_fen', sa.Integer(), nullable=False),
    sa.Column('barcode', sa.String(length=64), nullable=False),
    sa.Column('erp_code', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('reserved', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['online_orders.order_id'], name=op.f('fk_online_order_lines_order_id_online_orders')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_online_order_lines_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_online_order_lines')),
    sa.UniqueConstraint('order_id', 'line_no', name='uq_online_order_lines_order_line')
    )
    with op.batch_alter_table('online_order_lines', schema=None) as batch_op:
        batch_op.create_index('ix_online_order_lines_sku_reserved', ['sku_id', 'reserved'], unique=False)

    op.create_table('online_skus',
    sa.Column('red_sku_id', sa.String(length=64), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=True),
    sa.Column('red_item_id', sa.String(length=64), nullable=False),
    sa.Column('buyable', sa.Boolean(), nullable=False),
    sa.Column('online_updated_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_seen_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('changed_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('gone_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('erp_code', sa.String(length=64), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=True),
    sa.Column('original_price_fen', sa.Integer(), nullable=True),
    sa.Column('barcodes', sa.JSON(), nullable=False),
    sa.Column('mirrored_at', redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_online_skus_sku_id_skus')),
    sa.PrimaryKeyConstraint('red_sku_id', name=op.f('pk_online_skus'))
    )
    with op.batch_alter_table('online_skus', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_online_skus_sku_id'), ['sku_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('online_skus', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_online_skus_sku_id'))

    op.drop_table('online_skus')
    with op.batch_alter_table('online_order_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_online_order_lines_sku_reserved')

    op.drop_table('online_order_lines')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deliveries_state'))

    op.drop_table('deliveries')
    with op.batch_alter_table('sync_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_log_at'))

    op.drop_table('sync_log')
    op.drop_table('sync_lease')
    op.drop_table('sync_cursors')
    op.drop_table('online_tokens')
    with op.batch_alter_table('online_orders', schema=None) as batch_op:
        batch_op.drop_index('ix_online_orders_ours_status')

    op.drop_table('online_orders')
