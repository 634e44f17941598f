-- When each license's alerts are to be evaluated next (docs/decisions.md, 39): set to now by every
-- change of the row, and by each evaluation to the moment time alone can next change the license's
-- alerts (it enters an expiry window, expires, becomes inactive), null when time alone never does.
-- The incremental scan evaluates the rows whose time has come, through the index. A UTC datetime,
-- as a TIMESTAMP ends in 2038 and expiry windows of long licenses lie beyond.
alter table license_model add column next_evaluation_at datetime(6) null;

-- Nothing knows the moment of the existing rows yet: each is due now, so the first scan evaluates
-- every license once and sets it.
update license_model set next_evaluation_at = utc_timestamp(6);

create index license_model_by_next_evaluation on license_model (next_evaluation_at);

-- The full scan keeps the claim row 'license-scan' (an instance of the previous version claims the
-- same row); the incremental scan claims its own.
insert into job_claim (name) values ('license-scan-incremental');
