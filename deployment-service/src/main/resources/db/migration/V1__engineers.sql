-- Engineers who deploy licenses. E-mail addresses are stored lower-case, so the unique key is
-- case-insensitive on every collation.
create table engineer (
    id         char(36)     not null,
    name       varchar(200) not null,
    email      varchar(254) not null,
    region     varchar(50)  not null,
    active     boolean      not null,
    created_at timestamp(6) not null,
    updated_at timestamp(6) not null,
    version    bigint       not null,
    primary key (id),
    constraint engineer_email_unique unique (email)
);

create index engineer_by_name on engineer (name);

-- An engineer's skills, in the order given.
create table engineer_skill (
    engineer_id char(36)    not null,
    skill_order int         not null,
    skill       varchar(50) not null,
    primary key (engineer_id, skill_order),
    constraint engineer_skill_engineer foreign key (engineer_id) references engineer (id) on delete cascade
);

create index engineer_skill_by_skill on engineer_skill (skill);
