-- Read model of licenses as sold, fed by delms.license.created.v1: the facts the sales
-- statistics need, without asking license-service.
create table license_sale (
    license_id   varchar(32)  not null,
    customer_id  char(36)     not null,
    sales_rep_id char(36)     null,
    reseller_id  varchar(64)  null,
    product_type varchar(10)  not null,
    created_at   timestamp(6) not null,
    primary key (license_id)
);

create index license_sale_by_rep on license_sale (sales_rep_id, created_at);
