-- make bench-scale: generated tenants number :first to :last (slug isp000001 …), each with its branding and
-- eight voucher packages; those numbered up to :domains also get a verified custom domain
-- (hotspot.isp000001.test). Run by the superuser; psql variables: first, last, domains.
-- Tenants are inserted one statement at a time so their triggers (billing settings) run as for any tenant.
\set ON_ERROR_STOP on
begin;
insert into tenants (slug, name, tier, is_active, created_at)
select 'isp' || lpad(n::text, 6, '0'), 'ISP ' || n, (array['starter', 'professional', 'enterprise'])[1 + n % 3], true,
    now() - interval '800 days' + n * interval '1 second'
from generate_series(:first, :last) n;

create temporary table scale_new_tenants on commit drop as
select t.id, substr(t.slug, 4)::int as n from tenants t
where t.slug ~ '^isp[0-9]{6}$' and substr(t.slug, 4)::int between :first and :last;

insert into tenant_branding (tenant_id, display_name, tagline, primary_color, accent_color, contact_whatsapp,
    contact_email, address, footer_text, default_locale)
select id, 'ISP ' || n, 'Hotspot internet, area ' || n % 500,
    '#' || lpad(to_hex(n::bigint * 2654435 % 16777216), 6, '0'), '#' || lpad(to_hex(n::bigint * 40503 % 16777216), 6, '0'),
    '+62 812-' || lpad((n % 10000)::text, 4, '0') || '-' || lpad((n % 9973)::text, 4, '0'),
    'support@isp' || n || '.test', 'Jl. Raya ' || n || ', Jawa Barat', 'ISP ' || n || ' — PT Jaringan ' || n,
    (array['id', 'en'])[1 + n % 2]
from scale_new_tenants;

insert into tenant_domains (domain, tenant_id, is_primary, verified_at)
select 'hotspot.isp' || lpad(n::text, 6, '0') || '.test', id, true, now() from scale_new_tenants where n <= :domains;

-- The demo's four packages, twice: hours to a month, at rupiah prices, quotas and speeds.
insert into voucher_profiles (tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps, upload_kbps,
    shared_users, radius_group, code_length, sort)
select t.id, p.name, p.price, p.minutes, p.quota, p.kbps, p.kbps / 2, p.devices, p.grp, 8, p.sort
from scale_new_tenants t,
    (values ('3 Jam', 3000, 180, 2048, 5000, 1, 'hourly', 0), ('1 Hari', 5000, 1440, 5120, 10000, 1, 'daily', 1),
        ('3 Hari', 12000, 4320, 15360, 10000, 1, 'days3', 2), ('7 Hari', 25000, 10080, 30720, 10000, 2, 'weekly', 3),
        ('14 Hari', 45000, 20160, 61440, 15000, 2, 'days14', 4), ('30 Hari', 75000, 43200, null, 20000, 2, 'monthly', 5),
        ('30 Hari Keluarga', 120000, 43200, null, 30000, 5, 'family', 6), ('90 Hari', 200000, 129600, null, 20000, 2, 'quarter', 7)
    ) as p(name, price, minutes, quota, kbps, devices, grp, sort);
commit;
