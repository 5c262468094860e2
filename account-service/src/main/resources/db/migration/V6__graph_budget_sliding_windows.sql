-- The Graph budget becomes a log of what was spent per (tenant, limit) over its sliding window, the
-- way Entra counts: the whole window's budget may go at once, and a spend ages out one window after
-- its answer arrived (Graph saw the request before that); a spend still waiting for its answer
-- counts in full. graph_budget keeps one row per (tenant, limit) as the lock that
-- serialises every instance's decisions.
alter table graph_budget drop column tokens;
alter table graph_budget drop column updated_at;

create table graph_budget_spend (
    id          bigint generated always as identity primary key,
    tenant_id   varchar(64)    not null,
    bucket      varchar(40)    not null,
    amount      double precision not null,
    spent_at    timestamptz    not null,
    answered_at timestamptz
);

create index graph_budget_spend_window on graph_budget_spend (tenant_id, bucket, answered_at);
