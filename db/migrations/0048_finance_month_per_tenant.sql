-- A month of one tenant's ledger, found by the month's exact bounds in the tenant's time zone; and the
-- payments apart from the expenses, so a page of the ledger reads only its own rows.
--
-- 0045's month read every payment through `finance_ledger`, which joins each payment to its tenant's
-- branding for the zone and computes the day before it can tell whether the payment is in the month.
-- The tenant's report then summed and sorted the whole month in Swift to show 100 rows: 40 ms for
-- alpha's 7,410 payments in November (make bench-scale's history), 155 ms at the 99th percentile with
-- four admins at once. Here the zone is read once per call (an uncorrelated sub-select, evaluated once),
-- the month's first and last instants are bounds of `payments_tenant_time`, and the functions take the
-- tenant: head office calls them once per tenant, each an index range.
--
-- `finance_payments_month` is a function of its own, not a branch of the union: PostgreSQL does not
-- carry an index's order up through a UNION ALL's one remaining branch, and the ledger's first page
-- (ordered by time, 100 rows) would sort the whole month again.

drop function finance_ledger_month(date);
drop view finance_ledger;

-- A tenant's time zone, as its pages show dates.
create function tenant_time_zone(tenant uuid) returns text
language sql stable
as $$
    select coalesce((select b.time_zone from tenant_branding b where b.tenant_id = tenant), 'Asia/Jakarta')
$$;

-- One row of the ledger: a payment (income, or a refund) or an expense, with its day in the tenant's
-- time zone, its amount signed as it moves the balance, and what it paid for.
create type finance_ledger_entry as (
    tenant_id uuid,
    kind text,          -- payment, expense
    id uuid,
    at timestamptz,
    day date,
    channel text,       -- online, cash, bank_transfer, reseller; an expense's category
    subject text,
    subject_id uuid,
    amount bigint,
    status text,
    reference text,
    note text,
    item text
);

create function finance_payments_month(tenant uuid, first_day date) returns setof finance_ledger_entry
language sql stable
as $$
    select p.tenant_id, 'payment'::text, p.id, p.created_at,
        (p.created_at at time zone (select tenant_time_zone(tenant)))::date,
        case when p.subject = 'reseller' then 'reseller' when p.method = 'gateway' then 'online' else p.method::text end,
        p.subject::text, p.subject_id,
        case when p.status = 'refunded' then -p.amount else p.amount end,
        p.status::text, coalesce(p.gateway_reference, ''), p.note::text, p.item
    from payments p
    where p.tenant_id = tenant
        and p.created_at >= first_day::timestamp at time zone (select tenant_time_zone(tenant))
        and p.created_at < (first_day + interval '1 month') at time zone (select tenant_time_zone(tenant))
$$;

-- An expense's day is the date entered, whatever its `created_at`.
create function finance_expenses_month(tenant uuid, first_day date) returns setof finance_ledger_entry
language sql stable
as $$
    select e.tenant_id, 'expense'::text, e.id, e.created_at, e.spent_on, e.category, 'expense'::text, null::uuid,
        -e.amount, 'paid'::text, ''::text, e.note, ''::text
    from expenses e
    where e.tenant_id = tenant and e.spent_on >= first_day and e.spent_on < (first_day + interval '1 month')::date
$$;

create function finance_ledger_month(tenant uuid, first_day date) returns setof finance_ledger_entry
language sql stable
as $$
    select * from finance_payments_month(tenant, first_day)
    union all
    select * from finance_expenses_month(tenant, first_day)
$$;
