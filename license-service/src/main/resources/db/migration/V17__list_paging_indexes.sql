-- Indexes for list pages at a million licenses (docs/decisions.md, 40). Every secondary index ends
-- with the primary key (id), so an index on (x) orders by (x, id): the list's sort with its id
-- tiebreaker, read as a range after a cursor.
-- The sales rep filter with the default sort, as the other filters have it (V6).
create index ix_license_sales_rep_created on license (sales_rep_id, created_at);
drop index ix_license_sales_rep on license;
-- The sortable columns that had no index: sorting by one of them no longer sorts the whole table.
create index ix_license_updated on license (updated_at);
create index ix_license_order_date on license (order_date);
create index ix_license_start_date on license (start_date);
