-- The W3C traceparent of the work each row carries (docs/operations.md "Tracing"): the report keeps
-- the REST call's, a ledger entry the one its ActionRequested arrived with; the worker that picks a
-- row up later continues that trace.
alter table compromise_report add column traceparent varchar(55);
alter table remediation_action add column traceparent varchar(55);
