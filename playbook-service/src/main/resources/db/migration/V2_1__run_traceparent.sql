-- The W3C traceparent a run was started in (docs/operations.md "Tracing"): the CompromiseReported
-- it came from, or the POST /runs call. The engine's workers continue that trace when they act.
alter table run add column traceparent varchar(55);
