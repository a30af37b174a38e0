-- A voucher order as the application reads it (`VoucherOrder(row:)`, and the two keys lookups use: the
-- access token's hash and the idempotency key): every column but the checkout's bookkeeping, which only
-- the payment path's own statements touch. The one place the list is written: every lookup selects `*`
-- from here. A simple view, so PostgreSQL plans a lookup through it exactly as one on the table (and
-- `for update` locks the table's row); security_invoker, so the reader's own row-level policy applies,
-- not the view owner's.
create view voucher_order_rows with (security_invoker = true) as
    select tenant_id, id, order_number, access_token_hash, idempotency_key, profile_id, profile_name, unit_price,
        validity_minutes, validity_from, data_quota_mb, download_kbps, upload_kbps, shared_users, radius_group,
        code_length, quantity, amount, currency, buyer_name, buyer_phone, buyer_email, language, status,
        gateway_id, gateway_provider, gateway_reference, checkout_url, created_at, paid_at, expires_at
    from voucher_orders;
