-- The order date of a license, beside its creation time, for deployment statistics.
alter table license_view add column order_date date null;
