"""Members and their points ledger."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.members import Member
from redhome_pos.domain.points import PointsError, PointsKind
from redhome_pos.persistence.models.promotions import MemberRow, PointsMovementRow


def _member(row: MemberRow) -> Member:
    return Member(
        id=row.id,
        member_no=row.member_no,
        name=row.name,
        phone_masked=row.phone_masked,
        points_balance=row.points_balance,
        consent_at=row.consent_at,
        erased=row.erased_at is not None,
    )


class MemberRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        name: str,
        phone_hash: str,
        phone_cipher: str,
        phone_masked: str,
        consent_at: datetime,
        consent_version: str,
        consent_by: int | None,
        terminal_id: str,
    ) -> Member:
        row = MemberRow(
            member_no=f"TMP-{phone_hash[:16]}",
            name=name,
            phone_hash=phone_hash,
            phone_cipher=phone_cipher,
            phone_masked=phone_masked,
            consent_at=consent_at,
            consent_version=consent_version,
            consent_by=consent_by,
            enrolled_terminal=terminal_id,
            points_balance=0,
        )
        self._session.add(row)
        self._session.flush()
        row.member_no = f"M{row.id:07d}"  # the id is unique across terminals on one database
        self._session.flush()
        return _member(row)

    def _row(self, *where: object) -> MemberRow | None:
        return self._session.scalar(select(MemberRow).where(*where))  # type: ignore[arg-type]

    def by_hash(self, phone_hash: str) -> Member | None:
        row = self._row(MemberRow.phone_hash == phone_hash)
        return _member(row) if row is not None else None

    def by_no(self, member_no: str) -> Member | None:
        row = self._row(MemberRow.member_no == member_no)
        return _member(row) if row is not None else None

    def get(self, member_id: int) -> Member | None:
        row = self._session.get(MemberRow, member_id)
        return _member(row) if row is not None else None

    def page(self, *, offset: int = 0, limit: int = 100, search: str = "") -> list[Member]:
        query = select(MemberRow).order_by(MemberRow.id).offset(offset).limit(limit)
        if search:
            like = f"%{search}%"
            query = query.where(or_(MemberRow.member_no.like(like), MemberRow.name.like(like)))
        return [_member(row) for row in self._session.scalars(query)]

    def erase(self, member_id: int, at: datetime) -> None:
        self._session.execute(
            update(MemberRow)
            .where(MemberRow.id == member_id)
            .values(name="", phone_hash=None, phone_cipher=None, phone_masked="", erased_at=at)
        )

    # -- points -------------------------------------------------------------------------------
    def move(
        self,
        member_id: int,
        kind: PointsKind,
        points: int,
        reference: str,
        at: datetime,
        *,
        terminal_id: str,
        staff_id: int | None = None,
        sale_id: int | None = None,
        return_id: int | None = None,
        expires_on: date | None = None,
        may_go_below_zero: bool = False,
    ) -> int:
        """One ledger movement and the balance moved with it, in the caller's transaction;
        returns the new balance. A debit larger than the balance is refused unless allowed
        (a return takes back points the member may have spent). The movement's unique
        ``reference`` makes a second movement for the same sale or return fail."""
        change = update(MemberRow).where(MemberRow.id == member_id)
        if points < 0 and not may_go_below_zero:
            change = change.where(MemberRow.points_balance + points >= 0)
        done = self._session.execute(
            change.values(points_balance=MemberRow.points_balance + points).returning(
                MemberRow.points_balance
            )
        ).first()
        if done is None:
            raise PointsError("Not enough points: {wanted} wanted", wanted=-points)
        self._session.execute(
            insert(PointsMovementRow).values(
                member_id=member_id,
                kind=kind.value,
                points=points,
                reference=reference,
                sale_id=sale_id,
                return_id=return_id,
                expires_on=expires_on,
                created_at=at,
                terminal_id=terminal_id,
                staff_id=staff_id,
            )
        )
        return int(done[0])

    def lots_and_spent(self, member_id: int) -> tuple[list[tuple[int, date]], int]:
        """Earned lots (points, expiry day) and everything used since (redeemed, taken back,
        expired, less points given back by refunds)."""
        rows = self._session.execute(
            select(
                PointsMovementRow.kind, PointsMovementRow.points, PointsMovementRow.expires_on
            ).where(PointsMovementRow.member_id == member_id)
        ).all()
        lots = [(int(p), d) for k, p, d in rows if k == PointsKind.EARN and d is not None]
        spent = -sum(int(p) for k, p, _ in rows if k != PointsKind.EARN)
        return lots, spent

    def sale_points(self, sale_id: int) -> tuple[int, int]:
        """Points a sale earned, and points its returns took back so far."""
        rows = self._session.execute(
            select(PointsMovementRow.kind, func.sum(PointsMovementRow.points))
            .where(PointsMovementRow.sale_id == sale_id)
            .group_by(PointsMovementRow.kind)
        ).all()
        by_kind = {k: int(p or 0) for k, p in rows}
        return by_kind.get(PointsKind.EARN, 0), -by_kind.get(PointsKind.TAKE_BACK, 0)

    def history(self, member_id: int, limit: int = 100) -> list[tuple[datetime, str, int, str]]:
        rows = self._session.execute(
            select(
                PointsMovementRow.created_at,
                PointsMovementRow.kind,
                PointsMovementRow.points,
                PointsMovementRow.reference,
            )
            .where(PointsMovementRow.member_id == member_id)
            .order_by(PointsMovementRow.id.desc())
            .limit(limit)
        ).all()
        return [(at, kind, int(points), ref) for at, kind, points, ref in rows]

    def ledger_mismatches(self) -> list[tuple[str, int, int]]:
        """Members whose cached balance is not the sum of their ledger."""
        sums = dict(
            self._session.execute(
                select(PointsMovementRow.member_id, func.sum(PointsMovementRow.points)).group_by(
                    PointsMovementRow.member_id
                )
            ).all()
        )
        return [
            (row.member_no, row.points_balance, int(sums.get(row.id, 0) or 0))
            for row in self._session.scalars(select(MemberRow))
            if row.points_balance != int(sums.get(row.id, 0) or 0)
        ]
