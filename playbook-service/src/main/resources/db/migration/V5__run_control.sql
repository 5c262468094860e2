-- Run control (docs/api.md "Run control"): a paused run dispatches nothing until it is resumed,
-- and survives a restart paused; an account a responder excluded or marked done runs no more steps.
alter table run add column paused_at timestamptz;
alter table run add column paused_by varchar(320);
alter table run add column pause_reason varchar(2000);
-- how many accounts a responder excluded: containment looks them up only when there are any
alter table run add column excluded_accounts integer not null default 0;

alter table run_account add column settled_as varchar(16);
alter table run_account add column settled_by varchar(320);
alter table run_account add column settled_reason varchar(2000);
alter table run_account add column settled_at timestamptz;

-- A release (docs/api.md "Releasing an account"): the run of release-account that lets the account
-- back in once a second person approved it; the account becomes RELEASED when that run succeeds.
alter table incident_account add column release_run_id varchar(36);
alter table incident_account add column release_requested_by varchar(320);
alter table incident_account add column release_reason varchar(2000);
create index incident_account_by_release_run on incident_account (release_run_id)
    where release_run_id is not null;
