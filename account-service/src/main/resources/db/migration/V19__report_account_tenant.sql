-- Several Entra tenants (issue 26): the configured tenant (cordon.graph.tenants.<name>) an accepted
-- entry was routed to at intake, from its tenantId, its UPN domain or the default tenant. Resolution
-- reads the account there; tenant_id then holds that tenant's directory id, which the action ledger
-- (remediation_action.tenant_id) carries on to every action. Null on rows from before: the primary
-- tenant's.
alter table report_account add column tenant_name varchar(64);
