-- Sales reps. E-mail addresses are stored lower-case, so the unique key is case-insensitive on
-- every collation.
create table sales_rep (
    id         char(36)     not null,
    name       varchar(200) not null,
    email      varchar(254) not null,
    region     varchar(50)  not null,
    active     boolean      not null,
    created_at timestamp(6) not null,
    updated_at timestamp(6) not null,
    version    bigint       not null,
    primary key (id),
    constraint sales_rep_email_unique unique (email)
);

create index sales_rep_by_name on sales_rep (name);
