/** Strings of the license screens (list, detail) and license vocabulary used everywhere. */
export const licenses = {
  'licenseStatus.CREATED': 'Created',
  'licenseStatus.DEPLOYED': 'Deployed',
  'licenseStatus.IN_USE': 'In use',
  'licenseStatus.RENEWED': 'Renewed',
  'licenseStatus.EXPIRED': 'Expired',
  'licenseStatus.SUSPENDED': 'Suspended',
  'licenseStatus.TERMINATED': 'Terminated',
  'licenseType.SUBSCRIPTION': 'Subscription',
  'licenseType.PERPETUAL': 'Perpetual',
  'licenseType.TRIAL': 'Trial',
  'licenseType.POC': 'Proof of concept',
  'license.noExpiry': 'No expiry',
  'license.daysLeft': '{days} days left',
  'license.expiredDaysAgo': 'expired {days} days ago',
} as const;
