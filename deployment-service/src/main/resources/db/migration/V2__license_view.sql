-- What this service knows of each license, fed by license-service's events: deployments are
-- only accepted for a known license that is not terminated.
create table license_view (
    license_id varchar(32)  not null,
    status     varchar(20)  not null,
    created_at timestamp(6) null,
    updated_at timestamp(6) not null,
    primary key (license_id)
);
