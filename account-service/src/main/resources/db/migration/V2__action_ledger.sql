-- The action ledger: one row per actionId (the idempotency key of ActionRequested). A redelivered
-- request finds its row; a finished row is answered from here without calling Graph again.
create table remediation_action (
    action_id          varchar(200) primary key,
    run_id             varchar(100) not null,
    step_id            varchar(100) not null,
    account_object_id  varchar(64)  not null,
    user_principal_name varchar(255),
    tenant_id          varchar(64),
    action             varchar(40)  not null,
    parameters_json    text,
    state              varchar(20)  not null,
    outcome            varchar(20),
    reason_code        varchar(40),
    reason_message     varchar(1000),
    graph_request_id   varchar(100),
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz  not null,
    claimed_at         timestamptz,
    requested_at       timestamptz  not null,
    completed_at       timestamptz
);
create index remediation_action_due on remediation_action (next_attempt_at) where state = 'PENDING';
create index remediation_action_in_flight on remediation_action (claimed_at) where state = 'IN_FLIGHT';
create index remediation_action_account on remediation_action (account_object_id);

-- Graph budgets shared by every instance of this service (token buckets per tenant and limit)
create table graph_budget (
    tenant_id  varchar(64)      not null,
    bucket     varchar(40)      not null,
    tokens     double precision not null,
    updated_at timestamptz      not null,
    primary key (tenant_id, bucket)
);
