-- Head office's finance sums each tenant's month where it reads the tenant's payments, instead of
-- grouping the ledger's rows again.
--
-- Head office summed `finance_ledger_month` per tenant: every payment of the month became a ledger row
-- of thirteen columns (its kind and channel as text), passed up through the union and was then grouped
-- by tenant, and the tenant's zone was looked up twice per tenant through `tenant_time_zone`, a scalar
-- function with a sub-select that PostgreSQL calls rather than inlines (3–4 µs a call). On make
-- bench-scale's platform (10,003 tenants; 75,240 entries in November), as the application with head
-- office's scope, alternated: head office's statement for November took 130–177 ms before, 105–129 ms
-- on `finance_month_totals`.
--
-- What a payment counts as (its channel, its signed amount) and a tenant's month (its first and last
-- instants in the tenant's zone) are functions of their own, which the ledger's rows and head office's
-- sums both call: each rule is written once. A tenant's expenses are read through
-- `finance_expenses_month`, as the ledger reads them.

-- The ledger's channel of a payment: a reseller's settlement, the gateway's payments (online), or how
-- the counter took it (cash, bank_transfer).
create function finance_payment_channel(subject text, method text) returns text
language sql immutable parallel safe
as $$ select case when subject = 'reseller' then 'reseller' when method = 'gateway' then 'online' else method end $$;

-- A payment's amount as it moves the balance: a refunded payment takes its amount back.
create function finance_payment_amount(status text, amount bigint) returns bigint
language sql immutable parallel safe
as $$ select case when status = 'refunded' then -amount else amount end $$;

-- A tenant's time zone as a relation, which PostgreSQL inlines where it is joined: `tenant_time_zone`, a
-- scalar with a sub-select, is called as a function for every row that asks (3–4 µs a call).
create function tenant_zone(tenant uuid) returns table (zone text)
language sql stable
as $$
    select coalesce(b.time_zone, 'Asia/Jakarta') from (select tenant) t(id) left join tenant_branding b on b.tenant_id = t.id
$$;

create or replace function tenant_time_zone(tenant uuid) returns text
language sql stable
as $$ select z.zone from tenant_zone(tenant) z $$;

-- A tenant's month: its first instant and the next month's, at midnight in the tenant's zone.
create function tenant_month(tenant uuid, first_day date) returns table (starts timestamptz, ends timestamptz)
language sql stable
as $$
    select first_day::timestamp at time zone z.zone, (first_day + interval '1 month') at time zone z.zone
    from tenant_zone(tenant) z
$$;

create or replace function finance_payments_month(tenant uuid, first_day date) returns setof finance_ledger_entry
language sql stable
as $$
    select p.tenant_id, 'payment'::text, p.id, p.created_at,
        first_day + width_bucket(p.created_at, (
            select array(
                select (first_day + n)::timestamp at time zone (select tenant_time_zone(tenant))
                from generate_series(0, (first_day + interval '1 month')::date - first_day - 1) as n)
        )) - 1,
        finance_payment_channel(p.subject, p.method), p.subject::text, p.subject_id,
        finance_payment_amount(p.status, p.amount), p.status::text, coalesce(p.gateway_reference, ''), p.note::text, p.item
    from payments p
    where p.tenant_id = tenant
        and p.created_at >= (select m.starts from tenant_month(tenant, first_day) m)
        and p.created_at < (select m.ends from tenant_month(tenant, first_day) m)
$$;

-- Every tenant's income (all of it and per channel) and expenses for its own `first_day`'s month, with
-- how many entries the month has, deleted tenants included.
create function finance_month_totals(first_day date) returns table (
    tenant_id uuid, entries bigint, income bigint, expenses bigint,
    online bigint, cash bigint, bank_transfer bigint, reseller bigint
)
language sql stable
as $$
    select t.id, p.entries + e.entries, coalesce(p.income, 0), coalesce(e.expenses, 0),
        coalesce(p.online, 0), coalesce(p.cash, 0), coalesce(p.bank_transfer, 0), coalesce(p.reseller, 0)
    from tenants t
    cross join lateral tenant_month(t.id, first_day) m
    cross join lateral (
        select count(*) as entries, sum(a.amount) as income,
            sum(a.amount) filter (where a.channel = 'online') as online,
            sum(a.amount) filter (where a.channel = 'cash') as cash,
            sum(a.amount) filter (where a.channel = 'bank_transfer') as bank_transfer,
            sum(a.amount) filter (where a.channel = 'reseller') as reseller
        from payments p
        cross join lateral (
            select finance_payment_amount(p.status, p.amount) as amount, finance_payment_channel(p.subject, p.method) as channel
        ) a
        where p.tenant_id = t.id and p.created_at >= m.starts and p.created_at < m.ends
    ) p
    cross join lateral (select count(*) as entries, -sum(x.amount) as expenses from finance_expenses_month(t.id, first_day) x) e
$$;
