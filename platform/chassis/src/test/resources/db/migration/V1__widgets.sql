create table widget (
    id      char(36)     not null primary key,
    name    varchar(100) not null unique,
    size    int          not null,
    version bigint       not null
);

create table widget_echo (
    widget_id char(36) not null primary key,
    echoes    int      not null
);
