-- Playbooks as code (DESIGN §6). Every change of content is a new version; a version is never
-- changed or removed, so a run can keep the version it started with.

-- one row per playbook name: what its latest version is, and the row a writer locks
create table playbook (
    name           varchar(64) primary key,
    latest_version integer     not null check (latest_version >= 0),
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create table playbook_version (
    name           varchar(64)  not null references playbook (name),
    version        integer      not null check (version >= 1),
    description    varchar(2000),
    step_count     integer      not null,
    -- the canonical JSON of the content (everything but the version number)
    content        jsonb        not null,
    -- SHA-256 of the canonical JSON text: equal content, equal hash, same version
    content_sha256 char(64)     not null,
    origin         varchar(16)  not null check (origin in ('BUILT_IN', 'API')),
    created_by     varchar(255) not null,
    created_at     timestamptz  not null,
    primary key (name, version)
);

-- versions are append-only: the database refuses to change or delete one
create function playbook_version_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'playbook % version % is immutable', old.name, old.version;
end
$$;

create trigger playbook_version_append_only
    before update or delete on playbook_version
    for each row execute function playbook_version_append_only();
