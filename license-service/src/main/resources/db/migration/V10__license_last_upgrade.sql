-- When the upgrade that set the license's product was recorded by sales-service: an upgrade that
-- arrives late but was recorded earlier does not undo a later one.
alter table license add column last_upgrade_at datetime(6) null;
