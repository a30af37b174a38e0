-- make bench-scale: a platform's history on the generated tenants (scale-tenants.sql) and the demo's alpha,
-- which stands for the largest ISP: :big_subscribers of the subscribers and a tenth of the orders are its own.
-- Run by the superuser; psql variables: tenants (generated ones), orders, subscribers, big_subscribers,
-- months (of invoices, up to last month), radacct. A paid order has its codes, delivery, payment and message.
--
-- Everyone is billed on the 1st and was installed before the first invoiced month, so the billing run
-- owes exactly this month's invoice to every active or isolated subscriber and nothing else.
-- Bulk rows skip their triggers and foreign-key checks (session_replication_role = replica): the rows
-- are consistent by construction, and the only trigger on these tables that matters (RADIUS accounting's
-- router stamp) sets tenant_id, which is set here directly.
\set ON_ERROR_STOP on
set session_replication_role = replica;
begin;
create temporary table scale_tenants (n int primary key, id uuid not null) on commit drop;
insert into scale_tenants
select 0, id from tenants where slug = 'alpha'
union all
select substr(slug, 4)::int, id from tenants where slug ~ '^isp[0-9]{6}$' and substr(slug, 4)::int <= :tenants;

-- alpha gets four packages more, so every tenant has eight.
insert into voucher_profiles (tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps, upload_kbps,
    shared_users, radius_group, code_length, sort)
select t.id, p.name, p.price, p.minutes, p.quota, p.kbps, p.kbps / 2, p.devices, p.grp, 8, p.sort
from scale_tenants t,
    (values ('Hotspot 3 Days', 12000, 4320, 15360, 10000, 1, 'days3', 4), ('Hotspot 14 Days', 45000, 20160, 61440, 15000, 2, 'days14', 5),
        ('Family 30 Days', 120000, 43200, null, 30000, 5, 'family', 6), ('Hotspot 90 Days', 200000, 129600, null, 20000, 2, 'quarter', 7)
    ) as p(name, price, minutes, quota, kbps, devices, grp, sort)
where t.n = 0;

create temporary table scale_profiles on commit drop as
select t.n, (row_number() over (partition by t.n order by p.sort, p.id) - 1)::int as k, p.*
from scale_tenants t join voucher_profiles p on p.tenant_id = t.id and p.deleted_at is null;
create index on scale_profiles (n, k);

-- Orders over the last two years: order i belongs to alpha when i is a multiple of 10, else to tenant
-- 1 + i mod :tenants; nine in ten paid, the rest expired (alpha's too: i mod 100 = 30), so the admin's
-- status filters find rows. About 100,000 buyers' phones over the platform.
insert into voucher_orders (tenant_id, id, order_number, access_token_hash, idempotency_key, profile_id, profile_name,
    unit_price, validity_minutes, data_quota_mb, download_kbps, upload_kbps, shared_users, radius_group, code_length,
    quantity, amount, buyer_name, buyer_phone, language, status, created_at, paid_at, expires_at, validity_from)
select p.tenant_id, gen_random_uuid(), 'EV' || lpad(o.i::text, 12, '0'), md5(o.i::text) || md5('t' || o.i),
    'scale-order-' || lpad(o.i::text, 12, '0'), p.id, p.name, p.price, p.validity_minutes, p.data_quota_mb,
    p.download_kbps, p.upload_kbps, p.shared_users, p.radius_group, p.code_length, 1 + o.i % 3, p.price * (1 + o.i % 3),
    'Buyer ' || o.i % 1000, '+6281' || lpad((o.i::bigint * 7919 % 100000)::text, 8, '0'), (array['id', 'en'])[1 + o.i % 2],
    case when o.i % 10 = 3 or o.i % 100 = 30 then 'expired' else 'paid' end, o.at,
    case when o.i % 10 = 3 or o.i % 100 = 30 then null else o.at + interval '2 minutes' end,
    o.at + interval '1 hour', p.validity_from
from (select i, case when i % 10 = 0 then 0 else 1 + i % :tenants end as n,
          now() - (i::bigint * 7727 % (730 * 86400)) * interval '1 second' as at
      from generate_series(1, :orders) i) o
join scale_profiles p on p.n = o.n and p.k = o.i % 8;

-- What paying each order left behind: its codes, the gateway's delivery, the payment and the buyer's
-- WhatsApp message. Each code was first used ten minutes after it was paid for, and is in the state the
-- voucher-state sweep leaves it in: used while its validity lasts, expired when it ended, and retired from
-- RADIUS (its rows removed) once the default grace of 72 hours has passed. The platform is generated as
-- it would stand after years of running, with no backlog for the sweep to catch up on.
insert into vouchers (tenant_id, code, profile_id, order_id, status, created_at, first_used_at, valid_until,
    data_quota_mb, expired_at, radius_removed_at, password)
select o.tenant_id, 'S' || lpad((substr(o.order_number, 3)::bigint * 3 + k)::text, 11, '0'), o.profile_id, o.id,
    case when v.valid_until <= now() then 'expired' else 'used' end, o.paid_at, v.first_used_at, v.valid_until,
    o.data_quota_mb,
    case when v.valid_until <= now() then v.valid_until end,
    case when v.valid_until < now() - interval '72 hours' then v.valid_until + interval '1 minute' end,
    substr(md5(o.order_number || k), 1, 6)
from voucher_orders o
cross join lateral (
    select o.paid_at + interval '10 minutes' as first_used_at,
        case when o.validity_from = 'purchase' then o.paid_at else o.paid_at + interval '10 minutes' end
            + make_interval(mins => o.validity_minutes) as valid_until
) v,
generate_series(1, 3) k
where o.status = 'paid' and k <= o.quantity;
insert into radcheck (username, attribute, op, value, tenant_id)
select v.code, 'Cleartext-Password', ':=', v.password, v.tenant_id
from vouchers v where v.order_id is not null and v.radius_removed_at is null;
insert into radusergroup (username, groupname, priority, tenant_id)
select v.code, t.slug || '-' || o.radius_group, 1, v.tenant_id
from vouchers v join voucher_orders o on o.tenant_id = v.tenant_id and o.id = v.order_id join tenants t on t.id = v.tenant_id
where v.radius_removed_at is null;
-- Printed cards not sold yet: every ISP has a batch of 30 of its first package at its resellers, the
-- codes issued (never logged in) with their RADIUS rows, which is what the voucher-state sweep's full
-- pass reads every code of.
with batches as (
    insert into voucher_batches (tenant_id, profile_id, profile_name, price, validity_minutes, data_quota_mb,
        quantity, code_length, created_at)
    select p.tenant_id, p.id, p.name, p.price, p.validity_minutes, p.data_quota_mb, 30, 10, now() - interval '7 days'
    from scale_profiles p where p.k = 0
    returning tenant_id, id, profile_id, data_quota_mb
), cards as (
    insert into vouchers (tenant_id, code, profile_id, batch_id, data_quota_mb, created_at)
    select b.tenant_id, 'P' || upper(substr(md5(b.id::text || n), 1, 11)), b.profile_id, b.id, b.data_quota_mb,
        now() - interval '7 days'
    from batches b, generate_series(1, 30) n
    returning tenant_id, code, profile_id
), checks as (
    insert into radcheck (username, attribute, op, value, tenant_id)
    select code, 'Cleartext-Password', ':=', code, tenant_id from cards
)
insert into radusergroup (username, groupname, priority, tenant_id)
select c.code, t.slug || '-' || p.radius_group, 1, c.tenant_id
from cards c join tenants t on t.id = c.tenant_id join voucher_profiles p on p.tenant_id = c.tenant_id and p.id = c.profile_id;
insert into webhook_events (provider, dedupe_key, headers, body, body_size, tenant_id, reference, outcome, received_at)
select 'sandbox', 'sandbox:' || md5(order_number), '{"content-type": "application/json"}',
    '{"reference":"' || order_number || '","status":"paid","amount":' || amount || ',"currency":"IDR"}', 80,
    tenant_id, order_number, 'processed', paid_at
from voucher_orders where status = 'paid';
insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount, currency, status,
    webhook_event_id, created_at, item)
select o.tenant_id, 'order', o.id, 'sandbox', 'sbx_' || md5(o.order_number), o.amount, 'IDR', 'paid', e.id, o.paid_at,
    o.profile_name
from voucher_orders o join webhook_events e on e.tenant_id = o.tenant_id and e.reference = o.order_number
where o.status = 'paid';
insert into notifications (tenant_id, channel, recipient, body, subject_ref, status, attempts, next_attempt_at,
    created_at, sent_at)
select tenant_id, 'whatsapp', buyer_phone, 'Terima kasih, ' || buyer_name || '. Kode voucher ' || profile_name
        || ' untuk pesanan ' || order_number || ': ABCD2345. Berlaku sejak pertama dipakai.', order_number,
    'sent', 1, paid_at, paid_at, paid_at + interval '5 seconds'
from voucher_orders where status = 'paid';

-- One plan per tenant for the subscribers.
insert into plans (tenant_id, name, price, download_kbps, upload_kbps, radius_group)
select id, 'Rumah 20 Mbps', 185000, 20000, 10000, 'scale20' from scale_tenants;

-- Subscribers: the first :big_subscribers are alpha's, the rest go round the generated tenants. k is the
-- subscriber's place in its tenant (it numbers the invoices), c the tenant's count.
create temporary table scale_subscribers on commit drop as
select s.i, s.n, t.id as tenant_id, gen_random_uuid() as id, s.k, s.c, p.id as plan_id, p.price
from (select i,
          case when i <= :big_subscribers then 0 else 1 + (i - :big_subscribers - 1) % :tenants end as n,
          case when i <= :big_subscribers then i else 1 + (i - :big_subscribers - 1) / :tenants end as k,
          case when i <= :big_subscribers then :big_subscribers
               else (:subscribers - :big_subscribers) / :tenants
                   + case when (i - :big_subscribers - 1) % :tenants < (:subscribers - :big_subscribers) % :tenants then 1 else 0 end
          end as c
      from generate_series(1, :subscribers) i) s
join scale_tenants t on t.n = s.n
join plans p on p.tenant_id = t.id and p.radius_group = 'scale20';

insert into subscribers (tenant_id, id, customer_number, pppoe_username, name, phone, email, address, password_hash,
    status, plan_id, billing_day, installation_date, created_at)
select s.tenant_id, s.id, 'C' || lpad(s.i::text, 8, '0'), 'user' || s.i,
    (array['Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Andi', 'Wati', 'Joko'])[1 + s.i % 8] || ' '
        || (array['Santoso', 'Wijaya', 'Pratama', 'Lestari', 'Hidayat', 'Saputra'])[1 + s.i / 8 % 6] || ' ' || s.i,
    '+6285' || lpad(s.i::text, 9, '0'), 'u' || s.i || '@mail.test', 'Jl. Melati ' || s.i % 300, h.hash,
    case when s.i % 100 < 94 then 'active' when s.i % 100 < 97 then 'isolated' when s.i % 100 < 99 then 'suspended'
         else 'terminated' end,
    s.plan_id, 1, current_date - 800, now() - interval '800 days'
from scale_subscribers s, (select crypt('bench-scale', gen_salt('bf', 4)) as hash) h;

-- :months monthly invoices each, up to last month: paid but for a third of last month's. Invoice numbers
-- count per tenant and year as the billing run's do: (month of the year - 1) × c + k, so the counters
-- below continue them.
insert into invoices (tenant_id, id, invoice_number, subscriber_id, plan_id, period, amount, status, due_date,
    payment_token_hash, payment_reference, created_at, paid_at)
select s.tenant_id, gen_random_uuid(),
    'INV-' || to_char(m.start, 'YYYY') || '-' || lpad(((extract(month from m.start)::int - 1) * s.c + s.k)::text, 6, '0'),
    s.id, s.plan_id, to_char(m.start, 'YYYY-MM'), s.price,
    case when m.back = 1 and s.i % 3 = 0 then 'unpaid' else 'paid' end, (m.start + 10)::date,
    md5(s.id::text || m.back) || md5(m.back || s.id::text), 'IV' || lpad((s.i::bigint * 100 + m.back)::text, 12, '0'),
    m.start + interval '1 hour', case when m.back = 1 and s.i % 3 = 0 then null else m.start + interval '3 days' end
from scale_subscribers s,
    (select back, (date_trunc('month', current_date) - back * interval '1 month')::date as start
     from generate_series(1, :months) back) m;

insert into invoice_counters (tenant_id, year, last_number)
select s.tenant_id, extract(year from m.start)::int, max(extract(month from m.start)::int) * s.c
from (select distinct tenant_id, c from scale_subscribers) s,
    (select (date_trunc('month', current_date) - back * interval '1 month')::date as start
     from generate_series(1, :months) back) m
group by s.tenant_id, s.c, extract(year from m.start)
on conflict (tenant_id, year) do update set last_number = greatest(invoice_counters.last_number, excluded.last_number);

-- RADIUS accounting: closed sessions of the subscribers over the last two years.
insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, nasportid, nasporttype, acctstarttime,
    acctupdatetime, acctstoptime, acctsessiontime, acctinputoctets, acctoutputoctets, calledstationid,
    callingstationid, acctterminatecause, servicetype, framedprotocol, framedipaddress, tenant_id)
select to_hex(r.i), md5('acct' || r.i), 'user' || s.i, '10.20.0.1', 'pppoe-u' || s.i, 'Ethernet', r.at, r.at + interval '1 hour',
    r.at + interval '1 hour', 3600, r.i::bigint * 7 % 500000000, r.i::bigint * 13 % 5000000000, 'scale-router',
    '00:11:22:' || lpad(to_hex(r.i % 256), 2, '0') || ':33:44', 'User-Request', 'Framed-User', 'PPP',
    ('100.64.0.0'::inet + r.i % 65536), s.tenant_id
from (select i, 1 + i % :subscribers as s, now() - (i::bigint * 6311 % (730 * 86400)) * interval '1 second' as at
      from generate_series(1, :radacct) i) r
join scale_subscribers s on s.i = r.s;
commit;
