-- Licenses, keyed by their business id XXX-YYYYMM-NNNNNN (product, month of creation, number).
create table license (
    id                    varchar(17)  not null,
    product_type          varchar(3)   not null,
    license_type          varchar(20)  not null,
    status                varchar(20)  not null,
    customer_id           char(36)     not null,
    sales_rep_id          char(36)     null,
    reseller_id           char(36)     null,
    order_date            date         not null,
    start_date            date         not null,
    expiry_date           date         null,
    authorized_workspaces int          not null,
    authorized_users      int          not null,
    notes                 text         null,
    created_at            datetime(6)  not null,
    updated_at            datetime(6)  not null,
    created_by            varchar(100) not null,
    updated_by            varchar(100) not null,
    version               bigint       not null,
    primary key (id),
    constraint ck_license_limits check (authorized_workspaces > 0 and authorized_users > 0)
);

create index ix_license_customer on license (customer_id);
create index ix_license_status on license (status);
create index ix_license_product on license (product_type);
create index ix_license_expiry on license (expiry_date);
create index ix_license_sales_rep on license (sales_rep_id);
create index ix_license_reseller on license (reseller_id);

-- The last number handed out per product and month. Incremented inside the creating transaction,
-- so numbers of rolled-back creations are never seen, and committed ones never repeat.
create table license_id_sequence (
    product_type varchar(3) not null,
    period       char(6)    not null,
    last_number  int        not null,
    primary key (product_type, period)
);

-- Customers as customer-service's events describe them (read model): a license needs a known,
-- not deleted customer.
create table known_customer (
    id           char(36)     not null,
    name         varchar(200) not null,
    sales_rep_id char(36)     null,
    reseller_id  char(36)     null,
    deleted      boolean      not null,
    updated_at   datetime(6)  not null,
    primary key (id)
);
