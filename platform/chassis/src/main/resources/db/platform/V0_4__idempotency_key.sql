-- Idempotency-Key of POST requests: per caller and key, the hash of the first request and, once it
-- succeeded, its response (status, Location, ETag, content type, body) to replay to a retry.
-- The primary key makes concurrent duplicates race on one insert: exactly one claims the key.
create table idempotency_key (
    caller                varchar(200)  not null,
    idempotency_key       varchar(200)  not null,
    request_hash          char(64)      not null,
    state                 varchar(20)   not null,
    response_status       int           null,
    response_location     varchar(2000) null,
    response_etag         varchar(200)  null,
    response_content_type varchar(200)  null,
    response_body         longtext      null,
    created_at            datetime(6)   not null,
    completed_at          datetime(6)   null,
    primary key (caller, idempotency_key)
);

create index idempotency_key_by_created on idempotency_key (created_at);
