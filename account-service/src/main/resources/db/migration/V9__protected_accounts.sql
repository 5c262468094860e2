-- Accounts and groups (break-glass accounts, their group) that no automated action may touch. Entries
-- named in configuration (cordon.protection.*) are not stored here: they cannot be removed over the API.
create table protected_account (
    object_id  varchar(36)  primary key,
    kind       varchar(8)   not null,
    reason     varchar(500) not null,
    created_by varchar(255) not null,
    created_at timestamptz  not null,
    updated_by varchar(255) not null,
    updated_at timestamptz  not null
);

-- A time-limited exception for one protected account: asked for by one person, approved by an admin
-- who is someone else. Only an approved, unexpired, not ended override lets actions through.
create table protection_override (
    id               uuid primary key,
    object_id        varchar(36)  not null,
    reason           varchar(500) not null,
    duration_minutes integer      not null,
    requested_by     varchar(255) not null,
    requested_at     timestamptz  not null,
    approved_by      varchar(255),
    approved_at      timestamptz,
    expires_at       timestamptz,
    ended_by         varchar(255),
    ended_at         timestamptz
);
create index protection_override_open on protection_override (object_id) where ended_at is null;
