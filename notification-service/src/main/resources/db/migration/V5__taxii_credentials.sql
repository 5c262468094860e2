-- A partner's credential for the TAXII 2.1 API (docs/api.md "TAXII"): HTTP Basic with the partner id
-- as user name and a random token as password. Only the token's SHA-256 is kept (it is 256 random
-- bits, so a fast hash is enough); the token itself is shown once, to the admin who issued it.
create table taxii_credential (
    partner_id  uuid primary key references partner (id) on delete cascade,
    token_hash  varchar(64)  not null,
    issued_by   varchar(255) not null,
    issued_at   timestamptz  not null
);
