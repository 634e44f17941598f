-- Resellers (channel partners). The code is the reseller_id claim of a partner's token: unique,
-- lower-case slug, never changed after creation.
create table reseller (
    id            char(36)     not null,
    code          varchar(32)  not null,
    name          varchar(200) not null,
    contact_email varchar(254) not null,
    region        varchar(50)  not null,
    tier          varchar(20)  not null,
    active        boolean      not null,
    created_at    datetime(6)   not null,
    updated_at    datetime(6)   not null,
    version       bigint       not null,
    primary key (id),
    constraint reseller_code_unique unique (code)
);

create index reseller_by_name on reseller (name);

-- Which sales rep and reseller each customer names, from customer-service's events: a rep or
-- reseller still named by a customer is deactivated rather than deleted.
create table customer_ref (
    customer_id  char(36)    not null,
    sales_rep_id char(36)    null,
    reseller_id  char(36)    null,
    primary key (customer_id)
);

create index customer_ref_by_rep on customer_ref (sales_rep_id);
create index customer_ref_by_reseller on customer_ref (reseller_id);
