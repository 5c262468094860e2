-- The W3C traceparent of the work that wrote an outbox row (docs/operations.md "Tracing"): the
-- relay sends it later as the record's traceparent header so the consumer continues the trace.
alter table outbox_message add column traceparent varchar(55);
