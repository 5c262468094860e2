-- Partner registry (DESIGN §3, §7). Webhook secrets are stored AES-256-GCM encrypted only.

create table partner (
    id          uuid primary key,
    name        varchar(200)  not null,
    name_key    varchar(200)  not null,
    disclosure  varchar(16)   not null,
    tlp         varchar(16)   not null,
    webhook_url varchar(2048),
    created_at  timestamptz   not null,
    created_by  varchar(255)  not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(255)  not null,
    constraint partner_name_key_unique unique (name_key)
);

create table partner_contact (
    partner_id uuid         not null references partner (id) on delete cascade,
    position   integer      not null,
    email      varchar(254) not null,
    primary key (partner_id, position)
);

-- kind GROUP (Entra object id or display name), DOMAIN (lower case) or TAG
create table partner_scope (
    partner_id uuid         not null references partner (id) on delete cascade,
    position   integer      not null,
    kind       varchar(16)  not null check (kind in ('GROUP', 'DOMAIN', 'TAG')),
    value      varchar(256) not null,
    primary key (partner_id, position)
);
-- affected-partner matching looks scopes up by value
create index partner_scope_match on partner_scope (kind, lower(value));

-- several rows per partner once secrets rotate; key_id names the encryption key that sealed it
create table partner_webhook_secret (
    id         uuid primary key,
    partner_id uuid        not null references partner (id) on delete cascade,
    key_id     varchar(16) not null,
    nonce      bytea       not null,
    ciphertext bytea       not null,
    created_at timestamptz not null
);
create index partner_webhook_secret_partner on partner_webhook_secret (partner_id);
