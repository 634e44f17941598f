-- What alert-service knows of each license, fed by license-service's events: the facts the alert
-- rules look at (status, expiry, limits, latest usage), without asking license-service.
create table license_model (
    license_id            varchar(32)  not null,
    customer_id           char(36)     null,
    reseller_id           varchar(64)  null,
    license_type          varchar(20)  null,
    status                varchar(20)  null,
    expiry_date           date         null,
    authorized_workspaces int          null,
    authorized_users      int          null,
    usage_workspaces      int          null,
    usage_users           int          null,
    usage_reported_at     timestamp(6) null,
    created_at            timestamp(6) null,
    updated_at            timestamp(6) not null,
    primary key (license_id)
);

create index license_model_by_expiry on license_model (expiry_date);
