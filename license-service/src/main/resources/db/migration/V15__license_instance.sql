-- Air-gapped installations of a license (docs/license-files.md, decision 29): each signs its usage
-- reports with its own Ed25519 instance key, registered here. last_seq, last_hash and last_at are
-- the last usage entry accepted from it (null before the first import): a report must continue there.
create table license_instance (
    id               char(36)     not null,
    license_id       varchar(17)  not null,
    name             varchar(100) not null,
    public_key       varchar(43)  not null,
    key_id           varchar(64)  not null,
    active           boolean      not null,
    registered_at    datetime(6)  not null,
    registered_by    varchar(100) not null,
    deactivated_at   datetime(6)  null,
    deactivated_by   varchar(100) null,
    last_seq         bigint       null,
    last_hash        char(64)     null,
    last_at          datetime(6)  null,
    version          bigint       not null,
    primary key (id),
    constraint fk_license_instance_license foreign key (license_id) references license (id),
    constraint ux_license_instance_key unique (license_id, key_id),
    constraint ck_license_instance_position
        check ((last_seq is null) = (last_hash is null) and (last_seq is null) = (last_at is null))
);

-- Where a usage report came from: API (a staff or partner report) or OFFLINE_IMPORT (an entry of an
-- imported usage report, with its instance and sequence number).
alter table usage_report
    add column source    varchar(20) not null default 'API',
    add column instance_id char(36)  null,
    add column chain_seq bigint      null;
