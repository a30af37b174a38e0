-- An order's checkout is recorded by an update that PostgreSQL can make in place (a heap-only tuple):
-- it no longer changes a column an index names, so none of the order's eight indexes gets a new
-- entry. `voucher_orders_reconcile` was keyed by `checkout_opened_at`, which that update sets; it is now
-- keyed by `expires_at`, set when the order is made. The reconciliation still asks only about orders
-- whose checkout opened in its look-back window: a checkout opens only on a pending order, and an order
-- stays pending until the expiry sweep after its `expires_at`, so its checkout is never later than
-- `expires_at` plus the sweep's interval (an hour at most), and the job bounds `expires_at` by its
-- window less a day.
-- (Migration 0013 made it so, leaving each page 15 % free for the new version; 0016's index undid it.)
drop index voucher_orders_reconcile;
create index voucher_orders_reconcile on voucher_orders (expires_at) where status in ('pending', 'expired');
