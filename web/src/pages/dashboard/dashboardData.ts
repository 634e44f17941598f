import type { components as LicenseSchemas } from '../../api/schema/license-service';
import type { components as AlertSchemas } from '../../api/schema/alert-service';
import { LICENSE_STATUSES, PRODUCT_TYPES, statusLabel } from '../../domain/license';
import {
  ALERT_SEVERITIES,
  ALERT_TYPES,
  alertTypeLabel,
  severityLabel,
  SEVERITY_COLOR,
  type AlertSeverity,
  type AlertType,
} from '../alerts/alertVocabulary';
import { alertListUrl, UNRESOLVED } from '../alerts/alertQuery';

/**
 * What the dashboard shows, computed from the two statistics endpoints: the figures, where each one
 * links to, and the data of the charts. Pure functions, no React, no chart library.
 */

/**
 * Sums of the latest usage and of the authorized limits of active licenses. The license service's
 * OpenAPI document names this record `Usage` like the usage of one license, so the generated type of
 * `LicenseStats.usage` misses the authorized sums; this is what the endpoint sends.
 */
export interface UsageTotals {
  workspaces?: number;
  users?: number;
  authorizedWorkspaces?: number;
  authorizedUsers?: number;
  licensesReporting?: number;
}

export type LicenseStats = Omit<LicenseSchemas['schemas']['LicenseStats'], 'usage'> & { usage?: UsageTotals };
export type AlertStats = AlertSchemas['schemas']['AlertStats'];

/** Active = in force: the statuses the license service counts as active. */
export const ACTIVE_STATUSES = ['CREATED', 'DEPLOYED', 'IN_USE', 'RENEWED'] as const;
export const INACTIVE_STATUSES = ['EXPIRED', 'SUSPENDED', 'TERMINATED'] as const;
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

/** The filters the license list reads from its URL query. */
export interface LicenseListLink {
  status?: string | readonly string[];
  productType?: string;
  licenseType?: string;
  expiringWithinDays?: number;
  overused?: boolean;
  customerId?: string;
  salesRepId?: string;
  resellerId?: string;
  q?: string;
}

const LICENSE_LINK_PARAMS = [
  'status',
  'productType',
  'licenseType',
  'expiringWithinDays',
  'overused',
  'customerId',
  'salesRepId',
  'resellerId',
  'q',
] as const satisfies readonly (keyof LicenseListLink)[];

/** `/licenses?…` with the filters; several statuses are repeated `status` parameters. */
export function licenseListUrl(filters: LicenseListLink = {}): string {
  const params = new URLSearchParams();
  for (const name of LICENSE_LINK_PARAMS) {
    const value = filters[name];
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `/licenses?${query}` : '/licenses';
}

export const activeLicensesUrl = () => licenseListUrl({ status: ACTIVE_STATUSES });
export const inactiveLicensesUrl = () => licenseListUrl({ status: INACTIVE_STATUSES });

/** One counted category: its key (enum value), label, count and the list it counts. */
export interface CountDatum {
  key: string;
  label: string;
  value: number;
  href: string;
  color: string;
}

/**
 * Non-text contrast of at least 3:1 on white for chart marks, close to the status tags' hues.
 */
export const STATUS_COLOR: Record<string, string> = {
  CREATED: '#737373',
  DEPLOYED: '#1456d8',
  IN_USE: '#237804',
  RENEWED: '#006d75',
  EXPIRED: '#ad4e00',
  SUSPENDED: '#876800',
  TERMINATED: '#cf1322',
};

const PALETTE = ['#1456d8', '#531dab', '#006d75', '#ad4e00', '#237804', '#c41d7f', '#737373'];

/** Known keys in their usual order, then any others the service sent, alphabetically. */
function orderedKeys(known: readonly string[], counts: Record<string, number> | undefined): string[] {
  const extra = Object.keys(counts ?? {})
    .filter((key) => !known.includes(key))
    .sort();
  return [...known, ...extra];
}

function count(value: number | undefined | null): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Licenses by status: every status (zeros included), in lifecycle order. */
export function statusCounts(stats: LicenseStats): CountDatum[] {
  return orderedKeys(LICENSE_STATUSES, stats.byStatus).map((status, index) => ({
    key: status,
    label: statusLabel(status),
    value: count(stats.byStatus?.[status]),
    href: licenseListUrl({ status }),
    color: STATUS_COLOR[status] ?? PALETTE[index % PALETTE.length],
  }));
}

/** Licenses by product type: the known types first (zeros included), then any new ones. */
export function productTypeCounts(stats: LicenseStats): CountDatum[] {
  return orderedKeys(PRODUCT_TYPES, stats.byProductType).map((productType, index) => ({
    key: productType,
    label: productType,
    value: count(stats.byProductType?.[productType]),
    href: licenseListUrl({ productType }),
    color: PALETTE[index % PALETTE.length],
  }));
}

/** Active licenses expiring within 30, 60 and 90 days (cumulative counts). */
export function expiringCounts(stats: LicenseStats): { days: ExpiryWindow; value: number; href: string }[] {
  const values: Record<ExpiryWindow, number | undefined> = {
    30: stats.expiring?.within30Days,
    60: stats.expiring?.within60Days,
    90: stats.expiring?.within90Days,
  };
  return EXPIRY_WINDOWS.map((days) => ({
    days,
    value: count(values[days]),
    href: licenseListUrl({ expiringWithinDays: days }),
  }));
}

export interface UsageGauge {
  metric: 'workspaces' | 'users';
  used: number;
  authorized: number;
  /** Share of the authorized total in use, rounded to a whole percent; undefined when none authorized. */
  percent: number | undefined;
}

/** Usage of active licenses against what they authorize. */
export function usageGauges(stats: LicenseStats): UsageGauge[] {
  const usage = stats.usage ?? {};
  const gauge = (metric: UsageGauge['metric'], used: number, authorized: number): UsageGauge => ({
    metric,
    used,
    authorized,
    percent: authorized > 0 ? Math.round((used / authorized) * 100) : undefined,
  });
  return [
    gauge('workspaces', count(usage.workspaces), count(usage.authorizedWorkspaces)),
    gauge('users', count(usage.users), count(usage.authorizedUsers)),
  ];
}

/** Open alerts by type: every type, zeros included. */
export function alertTypeCounts(stats: AlertStats): CountDatum[] {
  return orderedKeys(ALERT_TYPES, stats.byType).map((type, index) => ({
    key: type,
    label: alertTypeLabel(type),
    value: count(stats.byType?.[type]),
    href: alertListUrl({ status: UNRESOLVED, type: type as AlertType }),
    color: PALETTE[index % PALETTE.length],
  }));
}

/** Open alerts by severity, worst first. */
export function alertSeverityCounts(stats: AlertStats): CountDatum[] {
  return ALERT_SEVERITIES.map((severity) => ({
    key: severity,
    label: severityLabel(severity),
    value: count(stats.bySeverity?.[severity]),
    href: alertListUrl({ status: UNRESOLVED, severity }),
    color: SEVERITY_COLOR[severity],
  }));
}

export interface AlertMatrixRow {
  type: AlertType;
  label: string;
  /** Open alerts of this type per severity, and the link to each list. */
  cells: Record<AlertSeverity, { value: number; href: string }>;
  total: { value: number; href: string };
}

/** Open alerts by type (rows) and severity (columns), every combination, with the type totals. */
export function alertMatrix(stats: AlertStats): AlertMatrixRow[] {
  const byPair = new Map<string, number>();
  for (const entry of stats.byTypeAndSeverity ?? []) {
    if (!entry.type || !entry.severity) continue;
    const key = `${entry.type}/${entry.severity}`;
    byPair.set(key, (byPair.get(key) ?? 0) + count(entry.open));
  }
  return ALERT_TYPES.map((type) => {
    const cells = Object.fromEntries(
      ALERT_SEVERITIES.map((severity) => [
        severity,
        {
          value: byPair.get(`${type}/${severity}`) ?? 0,
          href: alertListUrl({ status: UNRESOLVED, type, severity }),
        },
      ]),
    ) as AlertMatrixRow['cells'];
    return {
      type,
      label: alertTypeLabel(type),
      cells,
      total: { value: count(stats.byType?.[type]), href: alertListUrl({ status: UNRESOLVED, type }) },
    };
  });
}

/** One bar segment of the alert chart: open alerts of a type with a severity. */
export interface AlertChartDatum {
  type: string;
  typeLabel: string;
  severity: string;
  severityLabel: string;
  value: number;
  href: string;
}

/** The stacked bar chart of open alerts: the non-zero type × severity pairs, types in order. */
export function alertChartData(stats: AlertStats): AlertChartDatum[] {
  return alertMatrix(stats).flatMap((row) =>
    ALERT_SEVERITIES.filter((severity) => row.cells[severity].value > 0).map((severity) => ({
      type: row.type,
      typeLabel: row.label,
      severity,
      severityLabel: severityLabel(severity),
      value: row.cells[severity].value,
      href: row.cells[severity].href,
    })),
  );
}

/** The colour scale of the alert chart: severity labels and their colours, worst first. */
export function severityScale(): { domain: string[]; range: string[] } {
  return {
    domain: ALERT_SEVERITIES.map((severity) => severityLabel(severity)),
    range: ALERT_SEVERITIES.map((severity) => SEVERITY_COLOR[severity]),
  };
}

/** The colour scale of a count chart: each label with its colour. */
export function countScale(data: readonly CountDatum[]): { domain: string[]; range: string[] } {
  return { domain: data.map((d) => d.label), range: data.map((d) => d.color) };
}

/** The list a click on a chart element opens: the `href` of the clicked datum, if any. */
export function hrefOfChartEvent(event: unknown): string | undefined {
  if (!isRecord(event) || event.type !== 'element:click') return undefined;
  const data = isRecord(event.data) ? event.data.data : undefined;
  const href = isRecord(data) ? data.href : undefined;
  return typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') ? href : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
