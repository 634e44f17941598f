-- The status a suspended license returns to when it is reinstated; null unless suspended.
alter table license add column status_before_suspension varchar(20) null;
