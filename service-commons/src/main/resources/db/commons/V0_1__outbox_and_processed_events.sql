-- Shared by every service: the transactional outbox and the record of consumed events.
-- Versions 0.x belong to service-commons; each service numbers its own migrations from 1.

create table outbox_message (
    seq          bigint generated always as identity primary key,
    event_id     varchar(64)  not null unique,
    event_type   varchar(128) not null,
    topic        varchar(255) not null,
    message_key  varchar(255),
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    attempts     integer      not null default 0,
    last_error   varchar(1000)
);

-- the relay only ever looks for unpublished rows, oldest first
create index outbox_message_unpublished on outbox_message (seq) where published_at is null;

create table processed_event (
    consumer     varchar(128) not null,
    event_id     varchar(64)  not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
