-- Who wrote what: one row per entity created, changed or deleted by a request that carries a token,
-- written in the same transaction as the change (a rolled-back write leaves no row).
-- changes: JSON {field: {old, new}} of the changed fields of an update (values as text, long values
-- cut, secret-looking fields redacted); null for creates and deletes.
create table audit_log (
    id              bigint        not null auto_increment primary key,
    occurred_at     datetime(3)   not null,
    actor_subject   varchar(200)  not null,
    actor_username  varchar(200)  null,
    actor_client_id varchar(200)  null,
    action          varchar(10)   not null,
    entity_type     varchar(100)  not null,
    entity_id       varchar(200)  not null,
    changes         mediumtext    null,
    request_method  varchar(10)   null,
    request_path    varchar(1000) null,
    trace_id        varchar(64)   null
);

create index audit_log_by_entity on audit_log (entity_type, entity_id, occurred_at);
create index audit_log_by_actor on audit_log (actor_subject, occurred_at);
