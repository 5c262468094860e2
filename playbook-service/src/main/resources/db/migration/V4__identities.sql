-- Four eyes compares identities, never names (docs/security.md "Four eyes"): who started a run and
-- who decided an approval, as entra:<tid>/<oid> or iss:<issuer> <subject>. Runs from before have
-- none; their four eyes still compares names.
alter table run add column started_by_id varchar(1024);
alter table approval add column decided_by_id varchar(1024);
