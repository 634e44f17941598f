-- For the audit log tests: a field that looks secret, and notes that opt out of auditing.
alter table widget add column access_token varchar(100) null;

create table widget_note (
    id        char(36)     not null primary key,
    widget_id char(36)     not null,
    text      varchar(200) not null
);

-- tags have a composite id, to see how such an id is recorded
create table widget_tag (
    widget_id char(36)    not null,
    tag       varchar(50) not null,
    primary key (widget_id, tag)
);
