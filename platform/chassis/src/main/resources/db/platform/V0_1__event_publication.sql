-- Spring Modulith's event publication registry (the transactional outbox), as mapped by
-- spring-modulith-events-jpa 2.0.3 (JpaEventPublication / DefaultJpaEventPublication).
-- UUIDs are CHAR(36) (hibernate.type.preferred_uuid_jdbc_type=CHAR, a chassis default).
create table event_publication (
    id                     char(36)     not null,
    publication_date       timestamp(6) not null,
    listener_id            varchar(512) not null,
    serialized_event       text         not null,
    event_type             varchar(512) not null,
    completion_date        timestamp(6) null,
    last_resubmission_date timestamp(6) null,
    completion_attempts    int          not null default 0,
    status                 varchar(20)  null,
    primary key (id)
);

create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_status on event_publication (status, publication_date);
