-- The reseller whose partner sent a usage report through the partner API (null: reported by staff),
-- so a partner's usage history names its own reporters and no vendor staff.
alter table usage_report add column partner_reseller_id char(36) null;
