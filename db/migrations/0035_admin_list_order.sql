-- The admin lists at the size of a large ISP (200,000 orders, 20,000 subscribers, 480,000 invoices;
-- measured with make bench-scale, figures in docs/BENCHMARKS.md).
--
-- Each list is read in its full order (newest first, ties by number; subscribers by name, ties by
-- customer number), with or without a status filter, and shows one page of 25. An index in exactly that
-- order hands over the page and stops; with only the first key indexed, every row sharing a timestamp
-- (a billing run's batch shares one) was fetched and sorted, joined to its subscriber first on the
-- invoice list. The status-first indexes do the same for a filtered list, and let a bounded count of a
-- status read only that status's entries, so a filter that matches nothing or little no longer reads
-- the whole tenant. The narrower indexes they replace are prefixes of them.
create index if not exists voucher_orders_tenant_list on voucher_orders (tenant_id, created_at desc, order_number desc);
create index if not exists voucher_orders_tenant_status_list
    on voucher_orders (tenant_id, status, created_at desc, order_number desc);
drop index if exists voucher_orders_tenant_created;

create index if not exists invoices_tenant_list on invoices (tenant_id, created_at desc, invoice_number desc);
create index if not exists invoices_tenant_status_list on invoices (tenant_id, status, created_at desc, invoice_number desc);
drop index if exists invoices_tenant_created;

create index if not exists subscribers_tenant_list on subscribers (tenant_id, name, customer_number);
create index if not exists subscribers_tenant_status_list on subscribers (tenant_id, status, name, customer_number);
drop index if exists subscribers_status;

-- A search by phone on the subscriber and invoice lists (an invoice is found by its subscriber's phone).
create index if not exists subscribers_phone on subscribers (tenant_id, phone);
