import dayjs from 'dayjs';
import { orderedPeriod, parsers } from '../purchases/listState';
import type { DeploymentStats } from './engineerQueries';

/** The period of an engineer's performance figures (inclusive dates). */
export interface Period {
  from: string;
  to: string;
}

/** The longest period the stats endpoint takes (days). */
export const MAX_PERIOD_DAYS = 3660;

/** This calendar year: the default period. */
export function thisYear(today = dayjs()): Period {
  return { from: today.startOf('year').format('YYYY-MM-DD'), to: today.endOf('year').format('YYYY-MM-DD') };
}

/** The period of the URL (`?from=…&to=…`), this year for what is missing or invalid. */
export function parsePeriod(params: URLSearchParams, today = dayjs()): Period {
  const fallback = thisYear(today);
  const period = orderedPeriod({
    from: parsers.isoDate(params.get('from')) ?? fallback.from,
    to: parsers.isoDate(params.get('to')) ?? fallback.to,
  });
  return { from: period.from!, to: period.to! };
}

export function isTooLong(period: Period): boolean {
  return dayjs(period.to).diff(dayjs(period.from), 'day') > MAX_PERIOD_DAYS;
}

/** The figures of one engineer: their row, or the totals (the API restricts them to the engineer). */
export function figuresOf(stats: DeploymentStats | undefined, engineerId: string) {
  const row = stats?.engineers?.find((e) => e.engineerId === engineerId);
  const source = row ?? stats?.totals;
  return {
    scheduled: source?.scheduled ?? 0,
    completed: source?.completed ?? 0,
    failed: source?.failed ?? 0,
    medianDaysToDeployment: source?.medianDaysToDeployment ?? null,
    onTimeRate: source?.onTimeRate ?? null,
  };
}

/** A count or a number of days as plain digits (one decimal at most); a dash when there is none. */
export function plainNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Math.round(value * 10) / 10);
}

/** A 0..1 rate as a whole percentage's digits (0.8333 → "83"); a dash when there is none. */
export function percentDigits(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return String(Math.round(rate * 100));
}
