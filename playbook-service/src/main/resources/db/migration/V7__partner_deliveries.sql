-- What notification-service reported of a run's partner notices (cordon.notification-results): the
-- latest delivery state per (notice request, partner, channel). A result older than the one stored
-- (a redelivered event) leaves the row as it is.
create table partner_delivery (
    id              bigint        generated always as identity primary key,
    -- the notify step's actionId, which notification-service keeps as the notice's notificationId,
    -- or the step's closing request (<actionId>:closing)
    notification_id varchar(64)   not null,
    partner_id      varchar(255)  not null,
    -- webhook or email
    channel         varchar(16)   not null,
    run_id          varchar(36)   not null references run (id),
    step_id         varchar(64)   not null,
    -- DELIVERED or FAILED
    state           varchar(16)   not null,
    attempts        integer       not null check (attempts >= 0),
    -- deliveredAt or failedAt of the result
    at              timestamptz   not null,
    -- why delivery gave up; FAILED only
    reason          varchar(2000),
    -- the result event the row holds
    event_id        varchar(255)  not null,
    updated_at      timestamptz   not null,
    unique (notification_id, partner_id, channel)
);

-- GET /runs/{id}/partner-deliveries pages by id
create index partner_delivery_by_run on partner_delivery (run_id, id);
