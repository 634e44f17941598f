-- Every change of a license: who changed which field from what to what, when, why, and through
-- which channel (API call, consumed event, scheduled job). Written in the changing transaction.
create table license_change (
    id          bigint       not null auto_increment,
    license_id  varchar(17)  not null,
    at          datetime(6)  not null,
    actor       varchar(100) not null,
    field       varchar(50)  not null,
    old_value   text         null,
    new_value   text         null,
    reason      varchar(500) null,
    source      varchar(20)  not null,
    primary key (id),
    constraint fk_license_change_license foreign key (license_id) references license (id)
);

create index ix_license_change_license_at on license_change (license_id, at);
