-- Alerts about licenses (API.md, "Alerts").
create table alert (
    id              char(36)     not null,
    license_id      varchar(32)  not null,
    customer_id     char(36)     null,
    reseller_id     varchar(64)  null,
    type            varchar(30)  not null,
    severity        varchar(10)  not null,
    status          varchar(15)  not null,
    message         varchar(500) not null,
    details         text         null,
    raised_at       timestamp(6) not null,
    acknowledged_by varchar(100) null,
    resolved_at     timestamp(6) null,
    version         bigint       not null,
    -- "one open alert per (license, type)": set while the alert is not resolved, null after, and
    -- unique (MySQL and MariaDB have no partial indexes, but allow many nulls in a unique key)
    open_key        varchar(64)  generated always as
                        (case when status <> 'RESOLVED' then concat(license_id, '/', type) end) stored,
    primary key (id),
    constraint alert_one_open_per_license_and_type unique (open_key)
);

create index alert_by_status on alert (status, raised_at);
create index alert_by_license on alert (license_id, raised_at);
create index alert_by_customer on alert (customer_id, raised_at);
