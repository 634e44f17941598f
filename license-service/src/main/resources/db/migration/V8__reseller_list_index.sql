-- The partner list always filters by reseller and sorts by creation by default: lead with the reseller,
-- then the default sort, so a partner's first page reads its own index entries only. The single-column
-- index is a prefix of this one.
create index ix_license_reseller_created on license (reseller_id, created_at);
drop index ix_license_reseller on license;
