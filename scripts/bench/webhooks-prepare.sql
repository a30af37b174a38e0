-- make bench, make bench-scale: :n pending orders of the package :profile (orders EVBENCH0000001 …), each
-- opened with the package's effective sandbox account (the tenant's own, else the platform's).
with p as (select * from voucher_profiles where id = :'profile'),
     g as (select g.id from payment_gateways g, p
           where g.provider = 'sandbox' and g.is_active and (g.tenant_id = p.tenant_id or g.tenant_id is null)
           order by g.tenant_id nulls last limit 1)
insert into voucher_orders (tenant_id, order_number, access_token_hash, idempotency_key, profile_id, profile_name,
    unit_price, validity_minutes, data_quota_mb, download_kbps, upload_kbps, shared_users, radius_group, code_length,
    quantity, amount, buyer_phone, gateway_id, gateway_provider, gateway_reference, expires_at)
select p.tenant_id, 'EVBENCH' || lpad(i::text, 7, '0'), encode(sha256(i::text::bytea), 'hex'), 'bench-webhook-' || lpad(i::text, 8, '0'),
    p.id, p.name, p.price, p.validity_minutes, p.data_quota_mb, p.download_kbps, p.upload_kbps, p.shared_users,
    p.radius_group, p.code_length, 1, p.price, '+6281234567890', g.id, 'sandbox', 'sbx_bench' || i, now() + interval '1 day'
from p, g, generate_series(1, :n) i;
