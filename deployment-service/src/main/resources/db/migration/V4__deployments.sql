-- Deployments of licenses by engineers.
create table deployment (
    id                char(36)     not null,
    license_id        varchar(32)  not null,
    engineer_id       char(36)     not null,
    status            varchar(20)  not null,
    scheduled_date    date         not null,
    environment       varchar(20)  not null,
    product_version   varchar(50)  not null,
    notes             text         null,
    started_at        datetime(6)  null,
    completed_at      datetime(6)  null,
    failed_at         datetime(6)  null,
    cancelled_at      datetime(6)  null,
    failure_reason    varchar(500) null,
    created_at        datetime(6)  not null,
    updated_at        datetime(6)  not null,
    created_by        varchar(100) not null,
    updated_by        varchar(100) not null,
    version           bigint       not null,
    -- the license id while the deployment is active (scheduled or in progress), else null: the unique
    -- key below then allows at most one active deployment per license, also under concurrent requests
    active_license_id varchar(32) generated always as
        (case when status in ('SCHEDULED', 'IN_PROGRESS') then license_id end) stored,
    primary key (id),
    constraint deployment_one_active_per_license unique (active_license_id),
    constraint deployment_engineer foreign key (engineer_id) references engineer (id)
);

create index deployment_by_license on deployment (license_id);
create index deployment_by_status on deployment (status);
create index deployment_by_scheduled_date on deployment (scheduled_date);
create index deployment_by_completed_at on deployment (completed_at);

-- Every status move of a deployment: from what to what, who, when and why. Scheduling is the first
-- entry (from null to SCHEDULED).
create table deployment_history (
    id            bigint       not null auto_increment,
    deployment_id char(36)     not null,
    from_status   varchar(20)  null,
    to_status     varchar(20)  not null,
    actor         varchar(100) not null,
    at            datetime(6)  not null,
    note          varchar(500) null,
    primary key (id),
    constraint deployment_history_deployment foreign key (deployment_id) references deployment (id) on delete cascade
);

create index deployment_history_by_deployment on deployment_history (deployment_id, at);
