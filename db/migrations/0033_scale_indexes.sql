-- Two indexes for a tenant with tens of thousands of subscribers and years of invoices (measured with
-- make bench-scale; figures in docs/BENCHMARKS.md).
--
-- The billing run asks, for every subscriber of a tenant, for the latest invoiced month and whether this
-- month's invoice exists (`period`, whatever the status). invoices_one_per_period leaves void invoices
-- out, so it cannot answer either, and invoices_subscriber has no period: each subscriber's invoices were
-- read from the heap, two years of them, twice. With this index both are one index-only probe.
create index if not exists invoices_subscriber_period on invoices (tenant_id, subscriber_id, period);

-- What is still owed: the subscriber list's `overdue` filter (any unpaid invoice past its due date) and
-- the billing run's reminders (a tenant's unpaid invoices) read only these rows, a small share of a
-- tenant's invoices, instead of every invoice of every subscriber.
create index if not exists invoices_unpaid on invoices (tenant_id, subscriber_id, due_date) where status = 'unpaid';
