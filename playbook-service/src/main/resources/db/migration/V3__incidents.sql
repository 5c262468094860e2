-- Incidents (DESIGN §11, docs/architecture.md "Incidents and containment"): the unit of response.
-- Every report and run belongs to one; each account of an incident has one containment state, and
-- every piece of evidence about an account is kept, whether it started a containment or not.

create table incident (
    id            varchar(255)  primary key,
    title         varchar(500),
    severity      varchar(16),
    -- OPEN, CONTAINED (every account has a final containment state), CLOSED (by a responder)
    state         varchar(16)   not null,
    opened_at     timestamptz   not null,
    contained_at  timestamptz,
    closed_at     timestamptz,
    closed_by     varchar(255),
    close_reason  varchar(1000),
    updated_at    timestamptz   not null
);

create index incident_listing on incident (opened_at desc, id desc);
create index incident_by_state on incident (state, opened_at desc, id desc);

-- one row per (incident, account): where its containment stands and since when
create table incident_account (
    incident_id         varchar(255) not null references incident (id),
    object_id           varchar(255) not null,
    user_principal_name varchar(320) not null,
    -- UNCONTAINED, IN_PROGRESS, CONTAINED, PARTIAL, REQUIRES_MANUAL, RELEASED
    state               varchar(24)  not null,
    since               timestamptz  not null,
    -- when the account's last containment reached a final state: later activity re-contains it
    contained_at        timestamptz,
    -- the run whose steps decide the state now; outcomes of earlier runs no longer change it
    run_id              varchar(36),
    reason_code         varchar(40),
    joined_at           timestamptz  not null,
    primary key (incident_id, object_id)
);

create index incident_account_by_account on incident_account (object_id);
create index incident_account_by_upn on incident_account (lower(user_principal_name));
create index incident_account_listing on incident_account (incident_id, joined_at, object_id);
create index incident_account_by_run on incident_account (run_id) where state = 'IN_PROGRESS';

-- ids come in blocks of 50 so that the evidence of a large report is inserted in batches
create sequence account_evidence_seq increment by 50;

-- every report, detection or manual run that named an account, and what Cordon did with it
create table account_evidence (
    id                  bigint       primary key,
    incident_id         varchar(255) not null references incident (id),
    object_id           varchar(255) not null,
    user_principal_name varchar(320) not null,
    report_id           varchar(255),
    run_id              varchar(36),
    source              varchar(16)  not null,
    reported_by         varchar(255) not null,
    received_at         timestamptz  not null,
    -- the activity the evidence describes; null when the reporter gave none
    activity_at         timestamptz,
    -- CONTAINING (joined a run), ATTACHED (already contained: no action), RECONTAINING
    disposition         varchar(16)  not null,
    reason_code         varchar(40),
    -- a responder's words when they asked for it (POST .../recontain)
    note                varchar(1000),
    -- one row per (report, account), however often a chunk is redelivered
    unique (report_id, object_id)
);

create index account_evidence_by_account on account_evidence (object_id, id);
create index account_evidence_by_incident on account_evidence (incident_id, id);
