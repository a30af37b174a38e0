-- A voucher's state as the routers' accounting tells it, kept by the voucher-state sweep (every minute,
-- in every process, serialised by an advisory lock): `issued` until its first session in radacct, then
-- `used`, then `expired` once its validity has ended or its data is used up. An expired code's RADIUS rows
-- are removed after a grace period so it can no longer log in; the voucher row stays as history.
alter table vouchers
    add column first_used_at timestamptz,
    add column expired_at timestamptz,
    add column radius_removed_at timestamptz,
    add constraint vouchers_expired_at check (status <> 'expired' or expired_at is not null);

-- What the sweep looks at each round: codes still live, and expired codes whose rows are still there.
create index vouchers_live on vouchers (tenant_id, code) where status in ('issued', 'used');
create index vouchers_awaiting_cleanup on vouchers (expired_at) where status = 'expired' and radius_removed_at is null;
