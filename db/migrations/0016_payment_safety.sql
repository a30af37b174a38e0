-- Payments that cannot be faked, stalled or replayed, and storage that anyone's traffic cannot fill.

-- A checkout page belongs to the account that opened it, as that account was configured then. Any
-- change to the account's row (keys, environment, activation) forgets the pages it opened that are
-- still waiting for money, so the next press of Pay opens a fresh one under the account as it is now.
-- (Switching to another account needs no trigger: the payment path reuses a page only when the account
-- that opened it is still the tenant's effective one.)
create function gerbang_forget_checkouts_of_changed_account() returns trigger
language plpgsql as $$
begin
    update voucher_orders set checkout_url = null
    where gateway_id = new.id and status = 'pending' and checkout_url is not null;
    update invoices set checkout_url = null
    where gateway_id = new.id and status = 'unpaid' and checkout_url is not null;
    return null;
end
$$;
create trigger payment_gateways_forget_checkouts after update on payment_gateways
    for each row when (old is distinct from new) execute function gerbang_forget_checkouts_of_changed_account();

-- The payment path claims a subject before calling the gateway (no row lock is held across the call):
-- `checkout_started_at` says a checkout is being opened, so a double submit waits instead of asking
-- twice. `checkout_opened_at` dates the open checkout, and `payment_checked_at` the reconciliation
-- job's last question to the gateway about it (its claim, so each subject is asked by one process).
alter table voucher_orders
    add column checkout_started_at timestamptz,
    add column checkout_opened_at timestamptz,
    add column payment_checked_at timestamptz;
alter table invoices
    add column checkout_started_at timestamptz,
    add column checkout_opened_at timestamptz,
    add column payment_checked_at timestamptz;
create index voucher_orders_reconcile on voucher_orders (checkout_opened_at)
    where status in ('pending', 'expired') and checkout_opened_at is not null;
create index invoices_reconcile on invoices (checkout_opened_at)
    where status = 'unpaid' and checkout_opened_at is not null;

-- Deliveries nobody could verify are kept truncated; `body_size` is what arrived.
alter table webhook_events add column body_size integer;

-- Retention: purges walk these by age, and keep the deliveries that back a payment.
create index webhook_events_received on webhook_events (received_at);
create index audit_log_at on audit_log (at);
create index payments_webhook_event on payments (webhook_event_id) where webhook_event_id is not null;
