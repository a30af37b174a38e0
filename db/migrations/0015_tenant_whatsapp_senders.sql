-- A tenant's own WhatsApp sender: its own Fonnte device, so buyers get their codes from the ISP's
-- number rather than the platform's. Like a tenant's own payment gateway account, it overrides the
-- central one (WHATSAPP_PROVIDER) while active. Row-level security comes from the migrator.
create table tenant_whatsapp_senders (
    tenant_id   uuid primary key references tenants (id),
    provider    text not null default 'fonnte' check (provider in ('fonnte')),
    token       text not null check (length(token) between 8 and 200),
    is_active   boolean not null default true,
    updated_at  timestamptz not null default now()
);
