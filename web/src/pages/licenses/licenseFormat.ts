import type { components as LicenseSchemas } from '../../api/schema/license-service';
import type { components as SalesSchemas } from '../../api/schema/sales-service';
import type { components as DeploymentSchemas } from '../../api/schema/deployment-service';
import type { components as AlertSchemas } from '../../api/schema/alert-service';
import { formatNumber, t, type MessageKey } from '../../i18n';

/** The API's types the license screens show. */
export type License = LicenseSchemas['schemas']['LicenseDto'];
export type UsageReport = LicenseSchemas['schemas']['UsageReportDto'];
export type TimelineEntry = LicenseSchemas['schemas']['TimelineEntry'];
export type TimelineType = NonNullable<TimelineEntry['type']>;
export type ChangeEntry = LicenseSchemas['schemas']['ChangeLogEntryDto'];
export type ChangeSource = NonNullable<ChangeEntry['source']>;
export type Purchase = SalesSchemas['schemas']['PurchaseDto'];
export type PurchaseType = NonNullable<Purchase['type']>;
export type Deployment = DeploymentSchemas['schemas']['DeploymentDto'];
export type DeploymentStatus = NonNullable<Deployment['status']>;
export type Environment = NonNullable<Deployment['environment']>;
export type Alert = AlertSchemas['schemas']['AlertDto'];
export type AlertType = NonNullable<Alert['type']>;
export type AlertSeverity = NonNullable<Alert['severity']>;

/** A label for a value of a known enum; an unknown value (a newer server) shows as it is. */
function labelFrom<T extends string>(keys: Record<T, MessageKey>, value: string | null | undefined): string {
  if (!value) return '—';
  return value in keys ? t(keys[value as T]) : value;
}

const timelineKeys: Record<TimelineType, MessageKey> = {
  ORDERED: 'licenses.timeline.ORDERED',
  CREATED: 'licenses.timeline.CREATED',
  PURCHASE: 'licenses.timeline.PURCHASE',
  DEPLOYMENT: 'licenses.timeline.DEPLOYMENT',
  FIRST_USE: 'licenses.timeline.FIRST_USE',
  OVERUSE_STARTED: 'licenses.timeline.OVERUSE_STARTED',
  OVERUSE_ENDED: 'licenses.timeline.OVERUSE_ENDED',
  STATUS_CHANGED: 'licenses.timeline.STATUS_CHANGED',
  EXPIRY: 'licenses.timeline.EXPIRY',
  FILE_ISSUED: 'licenses.timeline.FILE_ISSUED',
  USAGE_IMPORTED: 'licenses.timeline.USAGE_IMPORTED',
};
export function timelineLabel(type: string | null | undefined): string {
  return type ? labelFrom(timelineKeys, type) : t('licenses.timeline.other');
}

const licenseTypeKeys: Record<NonNullable<License['licenseType']>, MessageKey> = {
  SUBSCRIPTION: 'licenseType.SUBSCRIPTION',
  PERPETUAL: 'licenseType.PERPETUAL',
  TRIAL: 'licenseType.TRIAL',
  POC: 'licenseType.POC',
};
export const licenseTypeLabel = (type: string | null | undefined) => labelFrom(licenseTypeKeys, type);

const purchaseTypeKeys: Record<PurchaseType, MessageKey> = {
  NEW: 'licenses.purchaseType.NEW',
  RENEWAL: 'licenses.purchaseType.RENEWAL',
  EXPANSION: 'licenses.purchaseType.EXPANSION',
  UPGRADE: 'licenses.purchaseType.UPGRADE',
};
export const purchaseTypeLabel = (type: string | null | undefined) => labelFrom(purchaseTypeKeys, type);

const deploymentStatusKeys: Record<DeploymentStatus, MessageKey> = {
  SCHEDULED: 'licenses.deploymentStatus.SCHEDULED',
  IN_PROGRESS: 'licenses.deploymentStatus.IN_PROGRESS',
  COMPLETED: 'licenses.deploymentStatus.COMPLETED',
  FAILED: 'licenses.deploymentStatus.FAILED',
  CANCELLED: 'licenses.deploymentStatus.CANCELLED',
};
export const deploymentStatusLabel = (status: string | null | undefined) =>
  labelFrom(deploymentStatusKeys, status);

const environmentKeys: Record<Environment, MessageKey> = {
  ON_PREMISES: 'licenses.environment.ON_PREMISES',
  PRIVATE_CLOUD: 'licenses.environment.PRIVATE_CLOUD',
  PUBLIC_CLOUD: 'licenses.environment.PUBLIC_CLOUD',
};
export const environmentLabel = (environment: string | null | undefined) =>
  labelFrom(environmentKeys, environment);

const changeSourceKeys: Record<ChangeSource, MessageKey> = {
  API: 'licenses.changeSource.API',
  EVENT: 'licenses.changeSource.EVENT',
  SCHEDULE: 'licenses.changeSource.SCHEDULE',
};
export const changeSourceLabel = (source: string | null | undefined) => labelFrom(changeSourceKeys, source);

const alertTypeKeys: Record<AlertType, MessageKey> = {
  EXPIRING_90: 'licenses.alertType.EXPIRING_90',
  EXPIRING_60: 'licenses.alertType.EXPIRING_60',
  EXPIRING_30: 'licenses.alertType.EXPIRING_30',
  EXPIRED: 'licenses.alertType.EXPIRED',
  OVERUSE_WORKSPACES: 'licenses.alertType.OVERUSE_WORKSPACES',
  OVERUSE_USERS: 'licenses.alertType.OVERUSE_USERS',
  INACTIVE: 'licenses.alertType.INACTIVE',
  IRREGULAR_USAGE: 'licenses.alertType.IRREGULAR_USAGE',
};
export const alertTypeLabel = (type: string | null | undefined) => labelFrom(alertTypeKeys, type);

const severityKeys: Record<AlertSeverity, MessageKey> = {
  INFO: 'licenses.alertSeverity.INFO',
  WARNING: 'licenses.alertSeverity.WARNING',
  CRITICAL: 'licenses.alertSeverity.CRITICAL',
};
export const severityLabel = (severity: string | null | undefined) => labelFrom(severityKeys, severity);

/** The license fields the change log names, as people call them. */
const fieldKeys = {
  status: 'licenses.field.status',
  usage: 'licenses.field.usage',
  productType: 'licenses.field.productType',
  licenseType: 'licenses.field.licenseType',
  customerId: 'licenses.field.customerId',
  salesRepId: 'licenses.field.salesRepId',
  resellerId: 'licenses.field.resellerId',
  orderDate: 'licenses.field.orderDate',
  startDate: 'licenses.field.startDate',
  expiryDate: 'licenses.field.expiryDate',
  authorizedWorkspaces: 'licenses.field.authorizedWorkspaces',
  authorizedUsers: 'licenses.field.authorizedUsers',
  notes: 'licenses.field.notes',
} as const satisfies Record<string, MessageKey>;
export const fieldLabel = (field: string | null | undefined) => labelFrom(fieldKeys, field);

/** Fields whose values are ids of a party: shown by name, never as the id. */
export const PARTY_FIELDS = {
  customerId: 'customer',
  salesRepId: 'salesRep',
  resellerId: 'reseller',
} as const;
export type PartyField = keyof typeof PARTY_FIELDS;
export function isPartyField(field: string | null | undefined): field is PartyField {
  return !!field && field in PARTY_FIELDS;
}

/** Fields whose values are dates (ISO) in the change log. */
const DATE_FIELDS = new Set(['orderDate', 'startDate', 'expiryDate']);
export const isDateField = (field: string | null | undefined) => !!field && DATE_FIELDS.has(field);

const UUID_IN_TEXT = /\s*\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * Free text written by the services (reasons, summaries) without the technical ids they may
 * contain: "deployment 665ebd92-… completed" reads "deployment completed".
 */
export function withoutIds(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(UUID_IN_TEXT, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** "12 / 20 users · 3 / 5 workspaces", or undefined when no usage has been reported. */
export function usageText(
  license: Pick<License, 'usage' | 'authorizedUsers' | 'authorizedWorkspaces'>,
): string | undefined {
  const usage = license.usage;
  if (!usage || (usage.users === undefined && usage.workspaces === undefined)) return undefined;
  return [
    t('licenses.usage.users', {
      used: formatNumber(usage.users),
      limit: formatNumber(license.authorizedUsers),
    }),
    t('licenses.usage.workspaces', {
      used: formatNumber(usage.workspaces),
      limit: formatNumber(license.authorizedWorkspaces),
    }),
  ].join(t('licenses.usage.separator'));
}

/** Whether a measure is above its limit (a limit of undefined is no limit). */
export function isOver(used: number | null | undefined, limit: number | null | undefined): boolean {
  return used !== undefined && used !== null && limit !== undefined && limit !== null && used > limit;
}

/** The link to the operations center for one action on one license. */
export type OperationAction = 'purchase' | 'deployment' | 'status' | 'usage';
export function operationsLink(licenseId: string, action: OperationAction): string {
  const params = new URLSearchParams({ license: licenseId, action });
  return `/operations?${params.toString()}`;
}

/** Usage reports oldest first, one point per report and measure, for the history chart. */
export interface UsagePoint {
  at: string;
  value: number;
}
export function usageSeries(reports: readonly UsageReport[], measure: 'users' | 'workspaces'): UsagePoint[] {
  return reports
    .filter(
      (r): r is UsageReport & { reportedAt: string } => !!r.reportedAt && typeof r[measure] === 'number',
    )
    .map((r) => ({ at: r.reportedAt, value: r[measure] as number }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The change log writes a usage as "workspaces=3, users=40, reportedAt=…": the numbers of it. */
export function parseUsageValue(
  text: string | null | undefined,
): { users: number; workspaces: number } | undefined {
  if (!text) return undefined;
  const users = /(?:^|[\s,])users=(\d+)/.exec(text);
  const workspaces = /(?:^|[\s,])workspaces=(\d+)/.exec(text);
  if (!users || !workspaces) return undefined;
  return { users: Number(users[1]), workspaces: Number(workspaces[1]) };
}
