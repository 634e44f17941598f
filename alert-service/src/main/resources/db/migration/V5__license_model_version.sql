-- The license's version each license_model row shows: an older license event (redelivered,
-- reordered, replayed) changes nothing, so a SUSPENDED arriving after TERMINATED does not revive a
-- license and an old usage event does not bring back old limits. Null for rows written from events
-- that carried no version yet.
alter table license_model add column version bigint null;
