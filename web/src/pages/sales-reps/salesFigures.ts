import type { components } from '../../api/schema/sales-service';
import { t, type MessageKey } from '../../i18n';

/**
 * What the performance sections show, computed from `GET /api/v1/stats/sales` (restricted to one
 * rep or one reseller): the period, the figures and the chart's data. Pure functions, no React, no
 * chart library.
 */

export type SalesStats = components['schemas']['SalesStats'];
export type SalesFigures = components['schemas']['SalesFigures'];

/* ------------------------------------------------------------------------------------------------
 * The period (inclusive ISO dates), kept in the page's URL as ?from=&to=
 * ---------------------------------------------------------------------------------------------- */

export interface Period {
  from: string;
  to: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(value: string | null | undefined): value is string {
  const match = value ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** This calendar year, 1 January to 31 December, of the given day (today by default). */
export function thisYear(today: Date = new Date()): Period {
  const year = today.getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The period of a URL query; this year when it has none or an invalid one (to before from). */
export function parsePeriod(params: URLSearchParams, today: Date = new Date()): Period {
  const from = params.get('from')?.trim();
  const to = params.get('to')?.trim();
  if (isIsoDate(from) && isIsoDate(to) && from <= to) return { from, to };
  return thisYear(today);
}

/** The URL query with the period set (left out when it is the default, this year). */
export function withPeriod(
  params: URLSearchParams,
  period: Period,
  today: Date = new Date(),
): URLSearchParams {
  const next = new URLSearchParams(params);
  const fallback = thisYear(today);
  if (period.from === fallback.from && period.to === fallback.to) {
    next.delete('from');
    next.delete('to');
  } else {
    next.set('from', period.from);
    next.set('to', period.to);
  }
  return next;
}

/* ------------------------------------------------------------------------------------------------
 * Figures
 * ---------------------------------------------------------------------------------------------- */

/** Purchase types in the order people read them; a type a newer server adds comes after. */
export const PURCHASE_TYPES = ['NEW', 'RENEWAL', 'EXPANSION', 'UPGRADE'] as const;

const purchaseTypeKeys: Record<(typeof PURCHASE_TYPES)[number], MessageKey> = {
  NEW: 'licenses.purchaseType.NEW',
  RENEWAL: 'licenses.purchaseType.RENEWAL',
  EXPANSION: 'licenses.purchaseType.EXPANSION',
  UPGRADE: 'licenses.purchaseType.UPGRADE',
};

export function purchaseTypeName(type: string): string {
  return type in purchaseTypeKeys ? t(purchaseTypeKeys[type as keyof typeof purchaseTypeKeys]) : type;
}

export interface Revenue {
  currency: string;
  amount: number;
}

export interface TypeCount {
  type: string;
  count: number;
}

export interface FiguresView {
  /** Revenue per currency (never added up across currencies), by currency code. */
  revenue: Revenue[];
  /** Purchases per type: every known type (0 when none), then any other the server sent. */
  counts: TypeCount[];
  purchaseCount: number;
  newLicenses: number;
  licensesDue: number;
  licensesRenewed: number;
  /** renewed / due, 0..1; null when no license came due in the period. */
  renewalRate: number | null;
  /** Nothing happened in the period: no purchase, no new license, nothing came due. */
  quiet: boolean;
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function amount(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** The figures of the stats' totals (the rep's or reseller's own when the request named one). */
export function figuresOf(stats: SalesStats | undefined): FiguresView {
  const totals: SalesFigures = stats?.totals ?? {};
  const revenue = Object.entries(totals.revenue ?? {})
    .map(([currency, value]) => ({ currency, amount: amount(value) }))
    .filter((r): r is Revenue => r.amount !== undefined)
    .sort((a, b) => a.currency.localeCompare(b.currency));
  const purchases = totals.purchases ?? {};
  const known: readonly string[] = PURCHASE_TYPES;
  const counts: TypeCount[] = [
    ...PURCHASE_TYPES.map((type) => ({ type, count: count(purchases[type]) })),
    ...Object.keys(purchases)
      .filter((type) => !known.includes(type))
      .sort()
      .map((type) => ({ type, count: count(purchases[type]) })),
  ];
  const sum = counts.reduce((total, c) => total + c.count, 0);
  const purchaseCount = totals.purchaseCount ?? sum;
  const newLicenses = count(totals.newLicenses);
  const licensesDue = count(totals.licensesDue);
  const rate = totals.renewalRate;
  return {
    revenue,
    counts,
    purchaseCount,
    newLicenses,
    licensesDue,
    licensesRenewed: count(totals.licensesRenewed),
    renewalRate: typeof rate === 'number' && Number.isFinite(rate) ? rate : null,
    quiet: purchaseCount === 0 && newLicenses === 0 && licensesDue === 0 && revenue.length === 0,
  };
}

/** One column of the purchases chart. */
export interface PurchaseDatum {
  type: string;
  label: string;
  count: number;
}

/**
 * The chart's data: purchases per type, in the figures' order, labelled as people read them. The
 * stats have no time series (one total per period), so the chart compares the types.
 */
export function purchaseChartData(view: FiguresView): PurchaseDatum[] {
  return view.counts.map(({ type, count: value }) => ({ type, label: purchaseTypeName(type), count: value }));
}

/**
 * A figure as the browser tests read it (`data-testid="rep-stat-…"`): the number the endpoint sent,
 * without grouping, currency or percent sign; empty when there is none (a renewal rate of null).
 */
export function plainNumber(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}
