-- Durable runs (DESIGN §6, docs/playbooks.md "Runs"): everything the engine knows about a run lives
-- here, so any instance can pick up due work and a restart resumes where the last one stopped.

create table run (
    id                varchar(36)   primary key,
    -- the compromise report a run was started by; one run per report, however many chunks it has
    report_id         varchar(255)  unique,
    playbook_name     varchar(64)   not null,
    -- the version the run started with and keeps; null only for a run refused at start
    playbook_version  integer,
    incident_id       varchar(255)  not null,
    incident_title    varchar(500),
    incident_severity varchar(16),
    source            varchar(16)   not null,
    -- who started the run: may not approve its steps (four eyes)
    started_by        varchar(255)  not null,
    state             varchar(24)   not null,
    state_reason      varchar(1000),
    chunks_expected   integer       not null check (chunks_expected >= 1),
    chunks_received   integer       not null check (chunks_received >= 0),
    accounts_total    integer       not null check (accounts_total >= 0),
    -- index of the last `scope: run` step opened; -1 while none is
    barrier_index     integer       not null default -1,
    cancelled_by      varchar(255),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    finished_at       timestamptz
);

create index run_listing on run (created_at desc, id desc);
create index run_by_incident on run (incident_id, created_at desc, id desc);

-- which chunks of a report arrived; a chunk re-published under another event id is still one chunk
create table run_chunk (
    run_id      varchar(36) not null references run (id),
    chunk       integer     not null,
    received_at timestamptz not null,
    primary key (run_id, chunk)
);

-- the account facts `when` conditions are evaluated on, as the report resolved them
create table run_account (
    run_id              varchar(36)  not null references run (id),
    object_id           varchar(255) not null,
    -- order of arrival; pages of GET /runs/{id}/accounts follow it
    position            integer      not null,
    user_principal_name varchar(320) not null,
    tenant_id           varchar(255) not null,
    user_type           varchar(16)  not null,
    on_premises_synced  boolean      not null,
    privileged_roles    jsonb        not null,
    groups              jsonb        not null,
    primary key (run_id, object_id),
    unique (run_id, position)
);

-- one pending approval per (run, step) at a time, covering every account waiting at that step
create table approval (
    id               varchar(36)   primary key,
    run_id           varchar(36)   not null references run (id),
    step_index       integer       not null,
    step_id          varchar(64)   not null,
    action           varchar(40)   not null,
    role             varchar(32)   not null,
    on_timeout       varchar(16)   not null,
    state            varchar(16)   not null,
    requested_at     timestamptz   not null,
    expires_at       timestamptz   not null,
    decided_by       varchar(255),
    decided_at       timestamptz,
    decision_comment varchar(2000)
);

create unique index approval_one_pending_per_step on approval (run_id, step_index) where state = 'PENDING';
create index approval_expiry on approval (expires_at) where state = 'PENDING';
create index approval_listing on approval (state, requested_at, id);

-- ids come in blocks of 50 so that creating a run's executions can be batched
create sequence step_execution_seq increment by 50;

-- one row per (account, step), plus one per run for run-only steps (NOTIFY_PARTNERS); all created
-- when the account joins the run, so counts per step and state are complete from the start
create table step_execution (
    id               bigint        primary key,
    run_id           varchar(36)   not null references run (id),
    step_index       integer       not null,
    step_id          varchar(64)   not null,
    action           varchar(40)   not null,
    -- null for the run-level execution of a run-only step
    object_id        varchar(255),
    state            varchar(24)   not null,
    -- deterministic: the same (run, step, account, attempt) always has the same id
    action_id        varchar(36)   not null,
    attempt          integer       not null default 1,
    dispatches       integer       not null default 0,
    approval_id      varchar(36)   references approval (id),
    reason_code      varchar(40),
    reason_message   varchar(2000),
    graph_request_id varchar(255),
    -- PENDING: when to dispatch; IN_PROGRESS: when the attempt times out
    due_at           timestamptz,
    deadline_at      timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz   not null
);

create unique index step_execution_per_account on step_execution (run_id, object_id, step_index);
create unique index step_execution_per_run on step_execution (run_id, step_index) where object_id is null;
create unique index step_execution_action on step_execution (action_id);
create index step_execution_counts on step_execution (run_id, step_index, state);
create index step_execution_approval on step_execution (approval_id) where approval_id is not null;
-- the pollers only ever look at due rows
create index step_execution_due on step_execution (due_at) where state = 'PENDING';
create index step_execution_deadline on step_execution (deadline_at) where state = 'IN_PROGRESS';

-- steps whose completion was announced (STEP_PROGRESS), so it is announced once
create table run_step_done (
    run_id     varchar(36) not null references run (id),
    step_index integer     not null,
    primary key (run_id, step_index)
);
