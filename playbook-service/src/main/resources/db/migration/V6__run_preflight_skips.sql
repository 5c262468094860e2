-- steps the run's preflight skips (playbook onMissingPermission: skip): one step id per line,
-- "<step id>#privileged" when only privileged accounts are skipped (directory role missing)
alter table run add column preflight_skips text;
