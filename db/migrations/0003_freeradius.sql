-- FreeRADIUS's standard PostgreSQL schema (raddb/mods-config/sql/main/postgresql/schema.sql, 3.0),
-- so a FreeRADIUS server pointed at this database authenticates vouchers and subscribers.
-- Additions, which FreeRADIUS ignores: tenant_id on the rows Gerbang writes, and unique indexes
-- so a retried fulfilment can never write a user twice.

create table radacct (
    radacctid           bigserial primary key,
    acctsessionid       text not null,
    acctuniqueid        text not null unique,
    username            text,
    realm               text,
    nasipaddress        inet not null,
    nasportid           text,
    nasporttype         text,
    acctstarttime       timestamptz,
    acctupdatetime      timestamptz,
    acctstoptime        timestamptz,
    acctinterval        bigint,
    acctsessiontime     bigint,
    acctauthentic       text,
    connectinfo_start   text,
    connectinfo_stop    text,
    acctinputoctets     bigint,
    acctoutputoctets    bigint,
    calledstationid     text,
    callingstationid    text,
    acctterminatecause  text,
    servicetype         text,
    framedprotocol      text,
    framedipaddress     inet,
    framedipv6address   inet,
    framedipv6prefix    inet,
    framedinterfaceid   text,
    delegatedipv6prefix inet,
    class               text
);
create index radacct_active_session_idx on radacct (acctuniqueid) where acctstoptime is null;
create index radacct_bulk_close on radacct (nasipaddress, acctstarttime) where acctstoptime is null;
create index radacct_start_user_idx on radacct (acctstarttime, username);
create index radacct_class_idx on radacct (class);

create table radcheck (
    id         serial primary key,
    username   text not null default '',
    attribute  text not null default '',
    op         varchar(2) not null default '==',
    value      text not null default '',
    tenant_id  uuid references tenants (id)
);
create unique index radcheck_username on radcheck (username, attribute);

create table radgroupcheck (
    id         serial primary key,
    groupname  text not null default '',
    attribute  text not null default '',
    op         varchar(2) not null default '==',
    value      text not null default '',
    tenant_id  uuid references tenants (id)
);
create index radgroupcheck_groupname on radgroupcheck (groupname, attribute);

create table radgroupreply (
    id         serial primary key,
    groupname  text not null default '',
    attribute  text not null default '',
    op         varchar(2) not null default '=',
    value      text not null default '',
    tenant_id  uuid references tenants (id)
);
create unique index radgroupreply_groupname on radgroupreply (groupname, attribute);

create table radreply (
    id         serial primary key,
    username   text not null default '',
    attribute  text not null default '',
    op         varchar(2) not null default '=',
    value      text not null default '',
    tenant_id  uuid references tenants (id)
);
create unique index radreply_username on radreply (username, attribute);

create table radusergroup (
    id         serial primary key,
    username   text not null default '',
    groupname  text not null default '',
    priority   integer not null default 0,
    tenant_id  uuid references tenants (id)
);
create unique index radusergroup_username on radusergroup (username, groupname);

create table radpostauth (
    id                bigserial primary key,
    username          text not null,
    pass              text,
    reply             text,
    calledstationid   text,
    callingstationid  text,
    authdate          timestamptz not null default now(),
    class             text
);
create index radpostauth_username_idx on radpostauth (username);
create index radpostauth_class_idx on radpostauth (class);

create table nas (
    id           serial primary key,
    nasname      text not null,
    shortname    text not null,
    type         text not null default 'other',
    ports        integer,
    secret       text not null,
    server       text,
    community    text,
    description  text
);
create index nas_nasname on nas (nasname);

create table nasreload (
    nasipaddress  inet primary key,
    reloadtime    timestamptz not null
);
