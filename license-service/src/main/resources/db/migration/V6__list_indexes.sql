-- Indexes for the list filters and sorts at a million licenses: each filter's column leads an index
-- whose second column is the default sort (created_at), so a filtered first page reads 20 index
-- entries instead of sorting every match. The expiry job and expiringWithinDays use status/expiry.
create index ix_license_created on license (created_at);
create index ix_license_status_created on license (status, created_at);
-- status and product together are the dashboard's drill-down: their count needs no table scan
create index ix_license_status_product_created on license (status, product_type, created_at);
create index ix_license_product_created on license (product_type, created_at);
create index ix_license_type_created on license (license_type, created_at);
create index ix_license_customer_created on license (customer_id, created_at);
create index ix_license_status_expiry on license (status, expiry_date);
-- overused=true is rare: the index finds those few, in creation order
create index ix_license_overused_created on license (overused, created_at);
-- the single-column ones are prefixes of the above now
drop index ix_license_overused on license;
drop index ix_license_status on license;
drop index ix_license_product on license;
drop index ix_license_customer on license;
