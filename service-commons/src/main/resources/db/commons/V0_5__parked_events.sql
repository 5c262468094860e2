-- Messages a consumer could not process after its retries (DESIGN §4: nothing lost). An operator
-- reads them, fixes the cause and replays the payload; the consumer's idempotency makes that safe.
create table parked_event (
    id         bigint generated always as identity primary key,
    consumer   varchar(128)  not null,
    payload    text          not null,
    reason     varchar(1000) not null,
    parked_at  timestamptz   not null default now()
);

create index parked_event_consumer on parked_event (consumer, parked_at);
