-- What the voucher state sweep needs of a code, kept on its row: when it stops working and its data
-- quota, so the sweep finds the codes whose validity has ended, and the codes in use that have a quota
-- to check, from indexes of their own.
--
-- Before, the sweep's "expired" step joined every issued or used code to its order and computed its end
-- (from the purchase or from the first session) at every round: its cost grew with the platform's codes,
-- codes sold and never used included, not with what had changed (405-759 ms a batch on make
-- bench-scale's platform). And it read only sold codes: a printed card's code (a batch's) was never
-- marked expired, so its RADIUS rows were never retired, although FreeRADIUS refused it once its
-- validity ended.
--
-- `valid_until` is set when the code is issued if its validity runs from the purchase (as the payment
-- writes its RADIUS `Expiration`), and at its first session otherwise (the sweep's "used" step); null
-- while a code valid from its first log-in has not been used. `data_quota_mb` is copied at issue from
-- what was sold (the order or the batch), as they copied it from the package.
alter table vouchers add column valid_until timestamptz, add column data_quota_mb bigint;

update vouchers v
set valid_until = case
        when o.validity_from = 'purchase' then o.paid_at + make_interval(mins => o.validity_minutes)
        else v.first_used_at + make_interval(mins => o.validity_minutes)
    end,
    data_quota_mb = o.data_quota_mb
from voucher_orders o
where o.tenant_id = v.tenant_id and o.id = v.order_id and v.status in ('issued', 'used');

update vouchers v
set valid_until = v.first_used_at + make_interval(mins => b.validity_minutes), data_quota_mb = b.data_quota_mb
from voucher_batches b
where b.tenant_id = v.tenant_id and b.id = v.batch_id and v.status in ('issued', 'used');

-- The live codes whose end is known, by that end. It replaces vouchers_live, which served only the sweep
-- and held every code sold; a code valid from its first log-in now enters it at its first session.
drop index vouchers_live;
create index vouchers_live on vouchers (valid_until) where status in ('issued', 'used') and valid_until is not null;
-- The codes in use with a data quota, whose accounting the sweep adds up each round.
create index vouchers_quota_in_use on vouchers (tenant_id, code) include (id, valid_until, data_quota_mb)
    where status = 'used' and data_quota_mb is not null;
