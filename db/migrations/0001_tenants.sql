-- Tenants, their domains, branding and content-page overrides.
-- Every change to these tables is announced on channel `tenant_changed` (payload: tenant id),
-- so every running instance drops what it cached for that tenant at once.

create extension if not exists pgcrypto;

-- The application connects as a role that owns nothing; the migration runner calls this
-- after every run with that role's name (a parameter, quoted here with %I).
create or replace function gerbang_grant_app_role(role_name text) returns void
language plpgsql as $$
begin
    if role_name = current_user then
        return;
    end if;
    execute format('grant usage on schema public to %I', role_name);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', role_name);
    execute format('grant usage, select on all sequences in schema public to %I', role_name);
end
$$;

create table tenants (
    id                          uuid primary key default gen_random_uuid(),
    slug                        text not null unique
                                check (slug ~ '^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$'),
    name                        text not null check (length(name) between 1 and 120),
    tier                        text not null default 'starter'
                                check (tier in ('starter', 'professional', 'enterprise')),
    is_active                   boolean not null default true,
    use_custom_payment_gateway  boolean not null default false,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    deleted_at                  timestamptz
);

create table tenant_domains (
    domain      text primary key check (domain = lower(domain) and length(domain) between 3 and 253),
    tenant_id   uuid not null references tenants (id),
    is_primary  boolean not null default false,
    verified_at timestamptz,
    created_at  timestamptz not null default now()
);
create index tenant_domains_tenant on tenant_domains (tenant_id);
create unique index tenant_domains_one_primary on tenant_domains (tenant_id) where is_primary;

create table tenant_branding (
    tenant_id           uuid primary key references tenants (id),
    display_name        text not null check (length(display_name) between 1 and 120),
    tagline             text not null default '' check (length(tagline) <= 200),
    primary_color       text not null default '#0b5fff' check (primary_color ~ '^#[0-9a-f]{6}$'),
    accent_color        text not null default '#ff8a00' check (accent_color ~ '^#[0-9a-f]{6}$'),
    logo                bytea,
    logo_content_type   text check (logo_content_type in ('image/png', 'image/jpeg', 'image/webp')),
    logo_sha256         text,
    contact_whatsapp    text not null default '',
    contact_email       text not null default '',
    address             text not null default '',
    footer_text         text not null default '',
    default_locale      text not null default 'id' check (default_locale in ('id', 'en')),
    time_zone           text not null default 'Asia/Jakarta',
    hotspot_login_url   text not null default '',
    version             integer not null default 1,
    updated_at          timestamptz not null default now()
);

create table content_pages (
    tenant_id   uuid not null references tenants (id),
    slug        text not null check (slug ~ '^[a-z0-9-]{1,40}$'),
    locale      text not null check (locale in ('id', 'en')),
    title       text not null check (length(title) between 1 and 200),
    markdown    text not null check (length(markdown) <= 200000),
    version     integer not null default 1,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, slug, locale)
);

create function gerbang_notify_tenant_changed() returns trigger
language plpgsql as $$
declare
    changed uuid;
begin
    if tg_table_name = 'tenants' then
        changed := coalesce(new.id, old.id);
    else
        changed := coalesce(new.tenant_id, old.tenant_id);
    end if;
    -- A row of no tenant (a central gateway) concerns every tenant: an empty payload.
    perform pg_notify('tenant_changed', coalesce(changed::text, ''));
    -- A domain moved between tenants concerns the old owner too.
    if tg_op = 'UPDATE' and tg_table_name = 'tenant_domains' then
        if old.tenant_id <> new.tenant_id then
            perform pg_notify('tenant_changed', old.tenant_id::text);
        end if;
    end if;
    return null;
end
$$;

create trigger tenants_changed after insert or update or delete on tenants
    for each row execute function gerbang_notify_tenant_changed();
create trigger tenant_domains_changed after insert or update or delete on tenant_domains
    for each row execute function gerbang_notify_tenant_changed();
create trigger tenant_branding_changed after insert or update or delete on tenant_branding
    for each row execute function gerbang_notify_tenant_changed();
create trigger content_pages_changed after insert or update or delete on content_pages
    for each row execute function gerbang_notify_tenant_changed();
