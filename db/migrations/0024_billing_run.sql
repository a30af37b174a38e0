-- The monthly billing run: invoice numbers without gaps, a record of which message each invoice has
-- had (so every reminder goes once, whichever process or instance sends it), and the tenant's own
-- wording of those messages.

-- One counter per tenant and year, taken (`update … returning`) in the transaction that creates the
-- invoice: a rolled-back invoice rolls its number back too, so numbers run without gaps
-- (`INV-2026-000001`, `INV-2026-000002` …) and start again each year.
create table invoice_counters (
    tenant_id    uuid not null references tenants (id),
    year         integer not null check (year between 2000 and 9999),
    last_number  integer not null check (last_number between 1 and 999999),
    primary key (tenant_id, year)
);

-- The messages an invoice has been sent by the billing run, one row per kind: the new invoice, the
-- reminder some days before the due date, the one on the due date, and the one after isolation.
-- The row is written in the transaction that queues the message, so each goes exactly once. A resend
-- by the admin is audited instead and repeats nothing here.
create table invoice_messages (
    tenant_id   uuid not null references tenants (id),
    invoice_id  uuid not null,
    kind        text not null check (kind in ('issued', 'before_due', 'due', 'isolated')),
    queued_at   timestamptz not null default now(),
    primary key (tenant_id, invoice_id, kind),
    foreign key (tenant_id, invoice_id) references invoices (tenant_id, id)
);

-- A tenant's wording of a billing message in one language; without a row the built-in text is used.
create table billing_message_texts (
    tenant_id   uuid not null references tenants (id),
    kind        text not null check (kind in ('issued', 'before_due', 'due', 'isolated')),
    language    text not null check (language in ('id', 'en')),
    body        text not null check (length(body) between 1 and 1000),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, kind, language)
);

select gerbang_protect_tenant_tables();
