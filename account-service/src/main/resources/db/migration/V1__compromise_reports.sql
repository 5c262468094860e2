create table compromise_report (
    id                 uuid primary key,
    incident_id        varchar(200) not null,
    incident_title     varchar(500),
    severity           varchar(16)  not null,
    requested_playbook varchar(100),
    source             varchar(16)  not null,
    source_label       varchar(200),
    reported_by        varchar(255) not null,
    received_at        timestamptz  not null,
    accepted_count     integer      not null,
    rejected_count     integer      not null,
    duplicate_count    integer      not null,
    status             varchar(16)  not null
);
create index compromise_report_incident on compromise_report (incident_id);

create table report_rejection (
    report_id uuid         not null references compromise_report (id),
    position  integer      not null,
    input     varchar(200) not null,
    reason    varchar(300) not null,
    primary key (report_id, position)
);

create table report_account (
    id                  uuid primary key,
    report_id           uuid         not null references compromise_report (id),
    position            integer      not null,
    identifier_kind     varchar(16)  not null,
    identifier          varchar(200) not null,
    tenant_hint         varchar(255),
    resolution          varchar(32)  not null,
    resolution_reason   varchar(500),
    object_id           varchar(64),
    user_principal_name varchar(255),
    tenant_id           varchar(64),
    user_type           varchar(16),
    on_premises_synced  boolean,
    account_enabled     boolean,
    privileged_roles    text,
    groups_json         text,
    resolved_at         timestamptz
);
create unique index report_account_position on report_account (report_id, position);
create index report_account_object_id on report_account (object_id);
create index report_account_upn on report_account (user_principal_name);
create index report_account_identifier on report_account (identifier);
