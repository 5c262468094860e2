-- Several Entra tenants (issue 26): people see which tenant an account is in. account-service sends
-- the configured name of the tenant (cordon.graph.tenants.<name>) beside its directory id
-- (ResolvedAccount.tenantName); runs kept only the id so far. Null on rows from before, and on
-- events of an account-service that does not send the name yet.
alter table run_account add column tenant_name varchar(64);

-- an incident's accounts show their tenant without reading the run that holds them
alter table incident_account add column tenant_id varchar(255);
alter table incident_account add column tenant_name varchar(64);
update incident_account i
   set tenant_id = r.tenant_id
  from run_account r
 where r.run_id = i.run_id and r.object_id = i.object_id;
