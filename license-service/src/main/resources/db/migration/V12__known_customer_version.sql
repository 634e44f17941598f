-- The customer's version each known_customer row shows: an older customer event (redelivered or
-- reordered) changes nothing. Null for rows written from events that carried no version yet.
alter table known_customer add column version bigint null;
