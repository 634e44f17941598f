-- The license's version each license_view row shows: an older license event (redelivered,
-- reordered, replayed) changes nothing, so a SUSPENDED arriving after TERMINATED does not reopen a
-- license to deployments. Null for rows written from events that carried no version yet.
alter table license_view add column version bigint null;
