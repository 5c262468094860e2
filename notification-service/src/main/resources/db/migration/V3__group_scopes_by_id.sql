-- Partner group scopes match by Entra object id only (docs/security.md "Partner scopes by id"): a
-- display name can be renamed, or taken by a group anyone may create, and would then bring accounts
-- of the wrong group into a partner's notice. The name an admin gives is kept for display.
alter table partner_scope add column display_name varchar(256);

-- Groups registered by name before: kept, shown to admins as names to replace by ids, never matched.
alter table partner_scope drop constraint partner_scope_kind_check;
update partner_scope
   set kind = 'GROUP_NAME', display_name = value
 where kind = 'GROUP'
   and value !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
alter table partner_scope add constraint partner_scope_kind_check
    check (kind in ('GROUP', 'GROUP_NAME', 'DOMAIN', 'TAG'));
