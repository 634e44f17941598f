-- Who was behind a change made by a consumed event, not just the service that published it: the
-- person's subject and client (as in the audit log) and what the event was about ("purchase 6f1c...
-- (sales-service)"); the person's name is in actor. Null for changes made through the API or by a job.
alter table license_change add column actor_subject varchar(255) null;
alter table license_change add column actor_client_id varchar(255) null;
alter table license_change add column via varchar(200) null;

-- The person behind a timeline fact (the recorder of a purchase, the reporter of usage).
alter table license_timeline add column actor varchar(100) null;
