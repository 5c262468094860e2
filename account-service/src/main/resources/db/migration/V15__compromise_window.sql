-- Issue 20: each cleanup action acts on what was added inside the account's compromise window and
-- lists what is older. The window is decided when the action is recorded (from the account's
-- first_seen, a detection's activity time, or the report time minus the configured look-back) and
-- kept on the row, so a retry lists against the same window.
alter table remediation_action add column window_start timestamptz;
alter table remediation_action add column window_source varchar(20);
