-- Flyway runs this after every migrate, as the migration role (docs/security.md "Database roles").
-- It gives the role the service runs as (${runtime_role}, the datasource user) what the code needs
-- and nothing more: rows of every table, never DDL (it owns nothing, so it can neither ALTER a table
-- nor disable or drop a trigger), no UPDATE, DELETE or TRUNCATE on audit entries, and no writes to
-- Flyway's history. Where one role does both (quarkus:dev, the local stack) it changes nothing.
-- Being repeatable, it also covers tables a later migration adds.
do $$
declare
    runtime text := '${runtime_role}';
    here    text := current_schema();
begin
    if runtime = current_user or not exists (select 1 from pg_roles where rolname = runtime) then
        return;
    end if;
    -- PostgreSQL before 15 let every role create tables in public
    execute format('revoke create on schema %I from public', here);
    execute format('grant usage on schema %I to %I', here, runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', here, runtime);
    execute format('grant usage, select, update on all sequences in schema %I to %I', here, runtime);
    execute format('revoke update, delete, truncate on audit_entry from %I', runtime);
    -- the head only moves forward (Audit appends); the signed anchors outside the database vouch for it
    execute format('revoke insert, delete, truncate on audit_chain_head from %I', runtime);
    execute format('revoke insert, update, delete, truncate on %I.%I from %I', here, '${flyway:table}', runtime);
end
$$;
