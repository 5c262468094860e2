-- Protected accounts per tenant (issue 26): an entry may be limited to one configured tenant (its
-- directory id, lower case); the same object id in another tenant is then not protected by it. Null,
-- as on every entry from before: protected in every tenant.
alter table protected_account add column tenant_id varchar(36);
