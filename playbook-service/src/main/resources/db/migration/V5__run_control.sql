-- Run control (docs/api.md "Run control"): a paused run dispatches nothing until it is resumed,
-- and survives a restart paused; an account a responder excluded or marked done runs no more steps.
alter table run add column paused_at timestamptz;
alter table run add column paused_by varchar(320);
alter table run add column pause_reason varchar(2000);

alter table run_account add column settled_as varchar(16);
alter table run_account add column settled_by varchar(320);
alter table run_account add column settled_reason varchar(2000);
alter table run_account add column settled_at timestamptz;
