-- Purchases recorded against licenses.
create table purchase (
    id                 char(36)       not null,
    license_id         varchar(32)    not null,
    type               varchar(20)    not null,
    purchase_date      date           not null,
    amount             decimal(15, 2) not null,
    currency           char(3)        not null,
    period_start       date           null,
    period_end         date           null,
    workspaces_after   int            null,
    users_after        int            null,
    product_type_after varchar(10)    null,
    sales_rep_id       char(36)       null,
    reseller_id        char(36)       null,
    order_reference    varchar(100)   null,
    notes              text           null,
    created_at         datetime(6)     not null,
    created_by         varchar(100)   not null,
    primary key (id)
);

create index purchase_by_license on purchase (license_id, purchase_date);
-- covering indexes of the sales statistics: a period's purchases are summed from the index alone,
-- and "was this license renewed past a date" is one index probe
create index purchase_by_date on purchase (purchase_date, sales_rep_id, reseller_id, type, currency, amount);
create index purchase_renewals on purchase (license_id, type, period_end);
create index purchase_by_rep on purchase (sales_rep_id, purchase_date);
create index purchase_by_reseller on purchase (reseller_id, purchase_date);
