-- The submitter's unchangeable identity (entra:<tid>/<oid> or iss:<issuer> <subject>), published
-- with the report so that playbook-service's four eyes compares identities, never names. Reports
-- from before it have none.
alter table compromise_report add column reported_by_id varchar(1024);

-- Likewise the identity of whoever asked for a protected account's override: the approving admin
-- must be another person, told apart by identity.
alter table protection_override add column requested_by_id varchar(1024);
