-- Ids of consumed events already handled, per consumer: the idempotent-consumer guard.
-- The row is written in the same transaction as the handler's changes.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(64)  not null,
    event_type   varchar(200) not null,
    processed_at timestamp(6) not null,
    primary key (consumer, event_id)
);
