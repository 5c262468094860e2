-- Resolution against Graph is retried per account (429, 5xx) without holding up the others.
alter table report_account add column attempts integer not null default 0;
alter table report_account add column next_attempt_at timestamptz;
update report_account set next_attempt_at = now() where resolution = 'PENDING';
create index report_account_due on report_account (next_attempt_at) where resolution = 'PENDING';
