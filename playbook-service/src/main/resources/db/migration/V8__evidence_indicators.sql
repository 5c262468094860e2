-- Indicators of compromise (issue 24): each piece of evidence keeps when the attacker was first
-- seen on the account and the indicators it named, so the incident can hand them to partners.

-- the earliest attacker activity the evidence names (a CSV's first_seen, a detection's activity
-- time); null when it names none
alter table account_evidence add column first_seen_at timestamptz;

-- A child table rather than a jsonb column on account_evidence: partner notices need, per incident
-- and account, the indicators deduplicated on (type, lower(value)), newest first and capped; with
-- typed rows PostgreSQL does that in one query (distinct on + row_number) over the account's
-- evidence, instead of unpacking every evidence's document with jsonb_array_elements. Rows are
-- written once with their evidence row and never changed: the evidence row is unique per (report,
-- account), so a redelivered chunk, which finds its evidence recorded, writes no indicators again.
create table evidence_indicator (
    evidence_id  bigint        not null references account_evidence (id) on delete cascade,
    -- the order the evidence gave them in; one evidence names each (type, lower(value)) once
    position     integer       not null,
    -- IndicatorType: IPV4, IPV6, DOMAIN, URL, SHA256, USER_AGENT, LOCATION, RISK_EVENT_TYPE, TEXT
    type         varchar(24)   not null,
    -- as given, trimmed (at most Indicator.MAX_VALUE_LENGTH characters)
    value        varchar(2048) not null,
    observed_at  timestamptz,
    source       varchar(255),
    primary key (evidence_id, position)
);

-- the evidence of one account in one incident: what the notify step reads, up to 1,000 accounts a
-- query (the existing index on (object_id, id) would leave the incident to a filter)
create index account_evidence_by_incident_account on account_evidence (incident_id, object_id);
