-- Money taken at the counter for an invoice so far (cash, bank transfer; each one a `payments` row). Kept
-- on the invoice, in the same transaction as the payment, so every read of an invoice knows what is still
-- owed: an online checkout after a part payment charges the rest, not the whole amount again.
alter table invoices
    add column counter_paid bigint not null default 0,
    add constraint invoices_counter_paid_within check (counter_paid between 0 and amount);
