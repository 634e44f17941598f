-- Partners list their reseller's alerts, newest first (API.md, "Partner API").
create index alert_by_reseller on alert (reseller_id, raised_at);
