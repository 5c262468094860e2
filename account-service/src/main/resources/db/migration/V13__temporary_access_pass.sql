-- A Temporary Access Pass Cordon issued (ISSUE_TEMPORARY_ACCESS_PASS), sealed: the pass is stored only
-- as AES-256-GCM ciphertext under a key from configuration, bound to its account and action. It is
-- read at most once by a helpdesk person; the ciphertext is erased on that read (or once the pass
-- has expired), so that nothing of the value remains afterwards.
create table temporary_access_pass (
    action_id           varchar(255) primary key,
    account_object_id   varchar(64)  not null,
    user_principal_name varchar(255),
    run_id              varchar(255),
    graph_method_id     varchar(255),
    usable_once         boolean      not null,
    created_at          timestamptz  not null,
    starts_at           timestamptz  not null,
    expires_at          timestamptz  not null,
    seal_key_id         varchar(64),
    seal_nonce          bytea,
    sealed_pass         bytea,
    retrieved_at        timestamptz,
    retrieved_by        varchar(255)
);
create index temporary_access_pass_account on temporary_access_pass (account_object_id, created_at);
