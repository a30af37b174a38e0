-- What a payment paid for, written on the payment when it is recorded: the package of the order, the
-- plan of the invoice, nothing for a reseller's settlement.
--
-- The finance report showed it by joining every payment of the month to its order, or its invoice and
-- plan: with 7,400 payments in a month (alpha's November in make bench-scale's history) those lookups
-- were 50 of the query's 82 ms, on every view of the report. A ledger also records what was sold then:
-- a plan renamed later no longer renames the payments made under its old name.
--
-- PL/pgSQL, not SQL: a SQL function with subqueries is not inlined, and is planned again by every
-- statement that calls it (a payment's insert, once per payment: 2,300 payments/s fell to 1,580 in make
-- bench). PL/pgSQL keeps each query's plan for the session.
create function payment_item(tenant uuid, kind text, target uuid) returns text
language plpgsql stable
as $$
declare
    item text;
begin
    if kind = 'order' then
        select o.profile_name into item from voucher_orders o where o.tenant_id = tenant and o.id = target;
    elsif kind = 'invoice' then
        select pl.name into item
        from invoices i join plans pl on pl.tenant_id = i.tenant_id and pl.id = i.plan_id
        where i.tenant_id = tenant and i.id = target;
    end if;
    return coalesce(item, '');
end
$$;

alter table payments add column item text not null default '';
update payments set item = payment_item(tenant_id, subject, subject_id) where subject in ('order', 'invoice');

-- The ledger as 0045 made it, with the item at the end.
create or replace view finance_ledger with (security_invoker = true) as
select p.tenant_id, 'payment'::text as kind, p.id, p.created_at as at,
    (p.created_at at time zone coalesce(b.time_zone, 'Asia/Jakarta'))::date as day,
    case when p.subject = 'reseller' then 'reseller' when p.method = 'gateway' then 'online' else p.method end as channel,
    p.subject, p.subject_id,
    case when p.status = 'refunded' then -p.amount else p.amount end as amount,
    p.status, coalesce(p.gateway_reference, '') as reference, p.note, p.item
from payments p
left join tenant_branding b on b.tenant_id = p.tenant_id
union all
select e.tenant_id, 'expense', e.id, e.created_at, e.spent_on, e.category, 'expense', null, -e.amount, 'paid', '', e.note,
    ''
from expenses e;
