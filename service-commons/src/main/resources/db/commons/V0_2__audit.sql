-- The audit log every service keeps: append-only, hash-chained (docs/security.md "Audit log").
-- Each entry carries the SHA-256 of the previous entry; audit_chain_head holds the last sequence
-- and hash, and its row lock serialises appends so the chain never forks.

create table audit_entry (
    seq            bigint        primary key,
    entry_id       uuid          not null unique,
    occurred_at    timestamptz   not null,
    actor_type     varchar(16)   not null,
    actor          varchar(255)  not null,
    actor_roles    varchar(255),
    kind           varchar(40)   not null,
    action         varchar(80)   not null,
    subject        varchar(500),
    account_id     varchar(64),
    account_upn    varchar(255),
    incident_id    varchar(200),
    run_id         varchar(100),
    before_state   text,
    after_state    text,
    result         varchar(40),
    reason         varchar(1000),
    correlation_id varchar(200)  not null,
    prev_hash      char(64)      not null,
    hash           char(64)      not null
);

create index audit_entry_incident on audit_entry (incident_id, seq);
create index audit_entry_run on audit_entry (run_id, seq);
create index audit_entry_account on audit_entry (account_id, seq);
create index audit_entry_upn on audit_entry (lower(account_upn), seq);
create index audit_entry_time on audit_entry (occurred_at);

create table audit_chain_head (
    id   smallint primary key check (id = 1),
    seq  bigint   not null,
    hash char(64) not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

-- The guard: no role, not even the table owner, changes or removes an entry through SQL.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

revoke update, delete, truncate on audit_entry from public;
