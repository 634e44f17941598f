-- Partners list the alerts of the licenses their reseller has now, found through the license model
-- (docs/decisions.md, 23), not the reseller an alert was raised under.
create index license_model_by_reseller on license_model (reseller_id, license_id);
