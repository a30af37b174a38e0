-- A month of the ledger, the one rule the tenant's report and head office's totals both read, and a
-- ledger that no longer looks up what each payment paid for.
--
-- A payment's day is its time in its tenant's time zone, an expression no index holds, so a month's
-- payments were found by reading every payment: the tenant's whole history for its report, and for
-- head office's totals the whole platform's once per tenant (PostgreSQL joined each tenant to the
-- ledger in a nested loop). With 2 million orders, 1.8 million of them paid (make bench-scale's
-- history), head office's page ran into the statement timeout. Every time zone is within 14 hours of
-- UTC, so a payment of the month lies between the day before its first day and the day after its last,
-- in UTC: that bound on the time itself finds the month's payments by `payments_tenant_time`, and the
-- day then decides as before. An expense's day is the date entered, whatever its `at`.
--
-- The view also joined every payment to its order, or its invoice and plan, for the package or plan
-- it paid for: head office's totals, which never show it, paid for those joins on every payment of the
-- month (PostgreSQL does not drop them below a UNION ALL). The view now gives `subject_id`, and the one
-- list that shows the item (`FinanceLedger.entries`) joins it.

drop view finance_ledger;
create view finance_ledger with (security_invoker = true) as
select p.tenant_id, 'payment'::text as kind, p.id, p.created_at as at,
    (p.created_at at time zone coalesce(b.time_zone, 'Asia/Jakarta'))::date as day,
    case when p.subject = 'reseller' then 'reseller' when p.method = 'gateway' then 'online' else p.method end as channel,
    p.subject, p.subject_id,
    case when p.status = 'refunded' then -p.amount else p.amount end as amount,
    p.status, coalesce(p.gateway_reference, '') as reference, p.note
from payments p
left join tenant_branding b on b.tenant_id = p.tenant_id
union all
select e.tenant_id, 'expense', e.id, e.created_at, e.spent_on, e.category, 'expense', null, -e.amount, 'paid', '', e.note
from expenses e;

create function finance_ledger_month(first_day date) returns setof finance_ledger
language sql stable
as $$
    select * from finance_ledger l
    where l.day >= first_day and l.day < (first_day + interval '1 month')::date
        and (l.kind = 'expense'
            or (l.at >= (first_day - 1)::timestamp at time zone 'UTC'
                and l.at < (first_day + interval '1 month 1 day') at time zone 'UTC'))
$$;
