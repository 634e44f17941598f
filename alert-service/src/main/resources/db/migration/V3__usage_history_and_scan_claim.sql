-- Since when a license has its current status: a deployed license that never reports usage is
-- inactive N days after it was deployed.
alter table license_model add column status_changed_at timestamp(6) null;

-- The last usage reports of each license (a bounded window, pruned on insert): the irregular-usage
-- rule compares a report with the license's own recent history.
create table usage_report (
    license_id  varchar(32)  not null,
    reported_at timestamp(6) not null,
    workspaces  int          not null,
    users       int          not null,
    primary key (license_id, reported_at)
);

alter table alert add column acknowledged_at timestamp(6) null;

-- One row per scheduled job: an instance runs the job only if it wins the conditional update of
-- started_at, so several instances never run the same scan twice in one period.
create table job_claim (
    name        varchar(40)  not null,
    started_at  timestamp(6) null,
    finished_at timestamp(6) null,
    owner       varchar(100) null,
    primary key (name)
);

insert into job_claim (name) values ('license-scan');
