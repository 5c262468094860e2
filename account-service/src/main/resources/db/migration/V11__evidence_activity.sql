-- Round 2 containment-aware intake (docs/architecture.md, "Incidents and containment"): the
-- activity time a detection (or a CSV's last_activity column) states for each account, and whether
-- the report named its incident or playbook-service should file it under the open one that already
-- holds one of its accounts. Both travel on CompromiseReported as optional fields.
alter table report_account add column activity_at timestamptz;
alter table compromise_report add column incident_inferred boolean not null default false;
