-- The version of its source each read-model row shows, so an older event (redelivered, reordered,
-- replayed) changes nothing. Null for rows written from events that carried no version yet.
alter table license_sale add column license_version bigint null;

-- A deleted customer stays as a marked row without references: an update arriving after its
-- deletion cannot make it name a rep or reseller again.
alter table customer_ref add column version bigint null;
alter table customer_ref add column deleted boolean not null default false;
