-- Partners limited to Entra tenants (issue 26): a partner_scope of kind TENANT holds a tenant's
-- directory id (lower case). Unlike groups, domains and tags it brings no partner into a notice; it
-- limits a partner to the accounts of its tenants. A partner without one hears about every tenant.
alter table partner_scope drop constraint partner_scope_kind_check;
alter table partner_scope add constraint partner_scope_kind_check
    check (kind in ('GROUP', 'GROUP_NAME', 'DOMAIN', 'TAG', 'TENANT'));
