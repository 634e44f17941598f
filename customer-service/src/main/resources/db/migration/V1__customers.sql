-- Customers. Names are unique ignoring case (an accent- and case-insensitive collation on both
-- MySQL 8.4 and MariaDB 10.11).
create table customer (
    id            char(36)     not null,
    name          varchar(200) collate utf8mb4_unicode_ci not null,
    industry      varchar(100) null,
    region        varchar(50)  not null,
    country       varchar(100) null,
    contact_name  varchar(200) null,
    contact_email varchar(320) not null,
    contact_phone varchar(50)  null,
    sales_rep_id  char(36)     null,
    reseller_id   char(36)     null,
    notes         text         null,
    created_at    datetime(6)  not null,
    updated_at    datetime(6)  not null,
    created_by    varchar(100) not null,
    updated_by    varchar(100) not null,
    version       bigint       not null,
    primary key (id),
    constraint uk_customer_name unique (name)
);

create index ix_customer_region on customer (region);
create index ix_customer_sales_rep on customer (sales_rep_id);
create index ix_customer_reseller on customer (reseller_id);

-- The licenses of each customer as license-service's events report them (read model): a customer
-- with licenses cannot be deleted. One row per license, so a repeated event changes nothing.
create table customer_license (
    license_id  varchar(32)  not null,
    customer_id char(36)     not null,
    recorded_at datetime(6)  not null,
    primary key (license_id)
);

create index ix_customer_license_customer on customer_license (customer_id);
