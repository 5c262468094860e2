-- A detector's report that would touch many accounts or a privileged one waits for a person: it is
-- resolved but not published (status HELD) until a responder or approver releases it.
alter table compromise_report add column hold_reason varchar(1000);
alter table compromise_report add column released_by varchar(255);
alter table compromise_report add column released_at timestamptz;

create index compromise_report_received on compromise_report (received_at, id);
