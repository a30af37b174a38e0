-- The tenant admin's order and invoice lists (/admin/orders, /admin/invoices): newest first, 25 a page,
-- counted and paged within one tenant. Without these, every page of a busy tenant's list sorts all of
-- its rows; with them, a page is an index range scan.
create index if not exists voucher_orders_tenant_created on voucher_orders (tenant_id, created_at desc);
create index if not exists invoices_tenant_created on invoices (tenant_id, created_at desc);
