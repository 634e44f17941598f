-- Usage reports of a license (workspaces and users in use at a time), kept as history.
create table usage_report (
    id           bigint       not null auto_increment,
    license_id   varchar(17)  not null,
    workspaces   int          not null,
    users        int          not null,
    reported_at  datetime(6)  not null,
    recorded_at  datetime(6)  not null,
    reported_by  varchar(100) not null,
    primary key (id),
    constraint fk_usage_report_license foreign key (license_id) references license (id),
    constraint ck_usage_report_counts check (workspaces >= 0 and users >= 0)
);

create index ix_usage_report_license_reported on usage_report (license_id, reported_at);

-- The latest report (greatest reportedAt) on the license itself, so lists, filters and the dashboard
-- need no join. overused mirrors LatestUsage#exceeds for queries; the application computes it too.
alter table license
    add column usage_workspaces  int         null,
    add column usage_users       int         null,
    add column usage_reported_at datetime(6) null,
    add column overused          boolean generated always as (
        coalesce(usage_workspaces > authorized_workspaces or usage_users > authorized_users, false)) stored;

create index ix_license_overused on license (overused);
