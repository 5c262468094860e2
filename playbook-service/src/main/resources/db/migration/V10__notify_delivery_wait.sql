-- A notify step waits for its partners' delivery results (issue 24). notification-service answers
-- each request once with the partners and channels it opened notices on (NoticesOpened); the step
-- ends when each of them has a result in partner_delivery, or when its waitForDelivery has passed
-- (step_execution.deadline_at). The wait survives restarts: everything it needs is here.
create table notify_wait (
    -- the notify step's actionId, which notification-service keeps as the notices' notificationId
    notification_id varchar(64)   primary key,
    run_id          varchar(36)   not null references run (id),
    step_id         varchar(64)   not null,
    -- how many partner x channel notices were opened; 0 when no partner gets anything
    notices         integer       not null check (notices >= 0),
    -- the NoticesOpened event and when notification-service opened the notices
    event_id        varchar(255)  not null,
    opened_at       timestamptz   not null,
    received_at     timestamptz   not null
);

-- the partners and channels of a notify_wait, one row each; results match them on
-- (notification_id, partner_id, channel) in partner_delivery
create table notify_wait_notice (
    notification_id varchar(64)   not null references notify_wait (notification_id),
    partner_id      varchar(255)  not null,
    partner_name    varchar(255)  not null,
    -- webhook or email
    channel         varchar(16)   not null,
    primary key (notification_id, partner_id, channel)
);
