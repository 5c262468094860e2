-- A retried delivery (a detection system's webhook retry, a client resending after a timeout)
-- carries the same key and gets the first report back, never a second report and a second run.
alter table compromise_report add column delivery_key varchar(255);
alter table compromise_report add column body_sha256 varchar(64);

create unique index compromise_report_delivery on compromise_report (reported_by, delivery_key)
    where delivery_key is not null;
