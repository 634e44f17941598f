-- The transactional outbox (docs/decisions.md, 15): every event is stored here in the transaction
-- that made the change, and the relay sends unsent rows to Kafka in seq order, one key at a time,
-- deleting each row once Kafka acknowledged it. For one key, seq order is commit order, because
-- every writer holds the aggregate's row (optimistic version or FOR UPDATE) from before its
-- insert until its commit.
create table outbox_event (
    seq        bigint       not null auto_increment,
    topic      varchar(200) not null,
    record_key varchar(200) not null,
    event_id   varchar(64)  not null,
    envelope   mediumtext   not null,
    created_at timestamp(6) not null,
    attempts   int          not null default 0,
    last_error varchar(500) null,
    primary key (seq)
);

-- One row per relay job: the instance that holds it (FOR UPDATE SKIP LOCKED) for the duration of
-- a batch is the only one sending, so two instances never send one key concurrently.
create table outbox_relay_claim (
    name varchar(64) not null,
    primary key (name)
);

insert into outbox_relay_claim (name) values ('relay');
