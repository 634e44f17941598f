-- The sales directory: sales reps and resellers as sales-service last described them on
-- delms.sales. Services that check salesRepId / resellerId or map a partner's reseller code read
-- it; it is empty (and unused) in services that do not switch the directory on.
create table sales_party (
    id         binary(16)   not null primary key,
    kind       varchar(16)  not null,
    code       varchar(64)  null,
    name       varchar(200) not null,
    active     boolean      not null,
    version    bigint       not null,
    updated_at timestamp(6) not null,
    constraint uk_sales_party_code unique (kind, code)
);
