-- Every license file issued (docs/license-files.md, decision 29): the file exactly as it was signed,
-- so that a repeated download of the same terms with the same key returns the same bytes.
-- terms_digest is the SHA-256 of the terms the file states (license version included), serial, time
-- and key excepted: one file per terms and key, which the unique index keeps under concurrency too.
create table license_file (
    id              bigint        not null auto_increment,
    license_id      varchar(17)   not null,
    file_serial     varchar(64)   not null,
    license_version bigint        not null,
    kid             varchar(64)   not null,
    terms_digest    char(64)      not null,
    issued_at       datetime(6)   not null,
    issued_by       varchar(100)  not null,
    content         varbinary(8000) not null,
    primary key (id),
    constraint fk_license_file_license foreign key (license_id) references license (id),
    constraint ux_license_file_serial unique (file_serial),
    constraint ux_license_file_terms_key unique (license_id, terms_digest, kid)
);

create index ix_license_file_license_issued on license_file (license_id, issued_at);
