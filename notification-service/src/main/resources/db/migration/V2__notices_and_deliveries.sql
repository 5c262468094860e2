-- Notices and their delivery (DESIGN §7). Delivery state lives here so that any instance can pick up
-- due work (FOR UPDATE SKIP LOCKED) and a restart resumes every schedule where it stood.

-- a partner endpoint that answered 410 Gone gets no more webhooks until someone re-enables it
alter table partner add column webhook_disabled_at     timestamptz;
alter table partner add column webhook_disabled_reason varchar(1000);

create table notice (
    id                uuid primary key,
    seq               bigint generated always as identity unique,
    -- no foreign key: what was sent stays on record after a partner is deleted
    partner_id        uuid          not null,
    partner_name      varchar(200)  not null,
    incident_id       varchar(255)  not null,
    incident_title    varchar(1000),
    incident_severity varchar(16),
    notification_id   varchar(255)  not null,
    request_event_id  varchar(64)   not null,
    sequence          integer       not null check (sequence >= 1),
    follow_up_of      uuid references notice (id),
    webhook_id        varchar(64)   not null unique,
    disclosure        varchar(16)   not null,
    tlp               varchar(16)   not null,
    body              text          not null,
    created_at        timestamptz   not null,
    -- one notice per partner and incident, then numbered follow-ups
    constraint notice_partner_incident_sequence unique (partner_id, incident_id, sequence),
    -- a request is turned into at most one notice per partner, whatever its event id
    constraint notice_partner_notification unique (partner_id, notification_id),
    constraint notice_follow_up check ((sequence = 1) = (follow_up_of is null))
);
create index notice_incident on notice (incident_id, seq);

create table delivery (
    id              uuid primary key,
    notice_id       uuid          not null references notice (id) on delete cascade,
    channel         varchar(16)   not null check (channel in ('WEBHOOK', 'EMAIL')),
    -- the contact address for e-mail, '' for the webhook
    recipient       varchar(2048) not null,
    status          varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'DISABLED')),
    attempts        integer       not null default 0,
    schedule_step   integer       not null default 0,
    next_attempt_at timestamptz,
    claim_token     uuid,
    final_reason    varchar(1000),
    delivered_at    timestamptz,
    finished_at     timestamptz,
    redelivered_at  timestamptz,
    redelivered_by  varchar(255),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint delivery_per_channel_and_recipient unique (notice_id, channel, recipient),
    constraint delivery_pending_is_scheduled check ((status = 'PENDING') = (next_attempt_at is not null))
);
-- the poller only ever looks for pending rows, earliest first
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_notice on delivery (notice_id);

create table delivery_attempt (
    id              bigint generated always as identity primary key,
    delivery_id     uuid          not null references delivery (id) on delete cascade,
    number          integer       not null,
    target          varchar(2048) not null,
    started_at      timestamptz   not null,
    latency_ms      bigint        not null,
    outcome         varchar(16)   not null check (outcome in ('DELIVERED', 'RETRYABLE', 'PERMANENT', 'GONE', 'BLOCKED')),
    status_code     integer,
    error           varchar(1000),
    next_attempt_at timestamptz,
    constraint delivery_attempt_number unique (delivery_id, number)
);
