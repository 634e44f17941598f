-- The dashboard's counters (docs/decisions.md, 38), kept by the writes of license rows in their own
-- transaction so GET /stats/licenses reads a few rows instead of every license.
-- Per status and product: how many licenses, how many overused, and the sums of their latest usage
-- and authorized limits (the usage sums and reporting count only licenses that reported).
create table license_count (
    status                varchar(20) not null,
    product_type          varchar(3)  not null,
    licenses              bigint      not null,
    overused              bigint      not null,
    usage_workspaces      bigint      not null,
    usage_users           bigint      not null,
    authorized_workspaces bigint      not null,
    authorized_users      bigint      not null,
    reporting             bigint      not null,
    primary key (status, product_type)
);

-- Per expiry day and status: how many licenses expire that day (perpetual ones are in no row).
-- "Expiring within 30/60/90 days" sums at most 91 days of it, so the windows move with the calendar.
create table license_expiry_count (
    expiry_date date        not null,
    status      varchar(20) not null,
    licenses    bigint      not null,
    primary key (expiry_date, status)
);

-- One row, locked by the recount that repairs drift, so two instances never apply the same repair.
create table license_count_recount (
    id             int         not null,
    last_run_at    datetime(6) null,
    last_drift     int         null,
    primary key (id)
);
insert into license_count_recount (id) values (1);

-- The licenses there are now.
insert into license_count (status, product_type, licenses, overused, usage_workspaces, usage_users,
        authorized_workspaces, authorized_users, reporting)
select status, product_type, count(*), sum(overused), coalesce(sum(usage_workspaces), 0),
       coalesce(sum(usage_users), 0), sum(authorized_workspaces), sum(authorized_users),
       sum(usage_reported_at is not null)
from license group by status, product_type;

insert into license_expiry_count (expiry_date, status, licenses)
select expiry_date, status, count(*) from license where expiry_date is not null group by expiry_date, status;
