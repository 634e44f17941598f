-- The sales directory is keyed by id only (docs/decisions.md, 23). The unique (kind, code) made the
-- upsert of a reseller that reused a deleted reseller's code update the deleted one's row: the new
-- reseller stayed unknown and its partners' tokens mapped to the old id. sales-service no longer
-- issues a code twice; a code that was reused before maps to no reseller while two active ones carry it.
alter table sales_party drop index uk_sales_party_code, add index sales_party_by_code (kind, code, active);
