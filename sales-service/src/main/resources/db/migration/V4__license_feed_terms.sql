-- The license feed also tracks the terms a purchase is validated against (expiry, limits,
-- product), kept current from license-service's updated events and from recorded purchases.
-- TIMESTAMP ends in 2038 on MySQL and MariaDB: instants are DATETIME(6) in UTC (chassis convention).
alter table license_sale modify created_at datetime(6) not null;
alter table sales_rep modify created_at datetime(6) not null;
alter table sales_rep modify updated_at datetime(6) not null;

alter table license_sale add column license_type varchar(20) null;
alter table license_sale add column expiry_date date null;
alter table license_sale add column authorized_workspaces int null;
alter table license_sale add column authorized_users int null;

create index license_sale_by_reseller on license_sale (reseller_id, created_at);
create index license_sale_by_created on license_sale (created_at);

-- Every expiry date a license has had: a license "came due" in a period when one of them falls in
-- it (a renewal moves the current expiry out of the period, this keeps the one it replaced).
create table license_expiry (
    license_id  varchar(32) not null,
    expiry_date date        not null,
    primary key (license_id, expiry_date)
);

create index license_expiry_by_date on license_expiry (expiry_date);
