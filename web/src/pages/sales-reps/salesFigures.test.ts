import { describe, expect, it } from 'vitest';
import {
  figuresOf,
  parsePeriod,
  plainNumber,
  purchaseChartData,
  thisYear,
  withPeriod,
  type SalesStats,
} from './salesFigures';

const REP = '21913a73-9e72-4d06-8c0b-81c4a45376f0';

/** What `GET /api/v1/stats/sales?salesRepId=` answers for one rep. */
const STATS: SalesStats = {
  from: '2026-01-01',
  to: '2026-12-31',
  salesRepId: REP,
  totals: {
    revenue: { USD: 36000, EUR: 48000.5 },
    purchases: { NEW: 2, RENEWAL: 1, EXPANSION: 0, UPGRADE: 1 },
    purchaseCount: 4,
    newLicenses: 2,
    licensesDue: 3,
    licensesRenewed: 2,
    renewalRate: 0.6667,
  },
  bySalesRep: [],
  byReseller: [],
};

describe('figures of the sales stats', () => {
  it('takes the totals: revenue by currency, counts by type, licenses and renewal rate', () => {
    expect(figuresOf(STATS)).toEqual({
      revenue: [
        { currency: 'EUR', amount: 48000.5 },
        { currency: 'USD', amount: 36000 },
      ],
      counts: [
        { type: 'NEW', count: 2 },
        { type: 'RENEWAL', count: 1 },
        { type: 'EXPANSION', count: 0 },
        { type: 'UPGRADE', count: 1 },
      ],
      purchaseCount: 4,
      newLicenses: 2,
      licensesDue: 3,
      licensesRenewed: 2,
      renewalRate: 0.6667,
      quiet: false,
    });
  });

  it('shows every known type, even when the server leaves one out, and a new type after them', () => {
    const view = figuresOf({ totals: { purchases: { DOWNGRADE: 1, NEW: 3 } } });
    expect(view.counts).toEqual([
      { type: 'NEW', count: 3 },
      { type: 'RENEWAL', count: 0 },
      { type: 'EXPANSION', count: 0 },
      { type: 'UPGRADE', count: 0 },
      { type: 'DOWNGRADE', count: 1 },
    ]);
    expect(view.purchaseCount).toBe(4);
  });

  it('keeps a null renewal rate (nothing came due) apart from 0 %', () => {
    expect(figuresOf({ totals: { renewalRate: undefined, licensesDue: 0 } }).renewalRate).toBeNull();
    expect(figuresOf({ totals: { renewalRate: 0, licensesDue: 2 } }).renewalRate).toBe(0);
  });

  it('reads amounts sent as strings and drops what is not a number', () => {
    const stats = { totals: { revenue: { GBP: '120.25', XXX: 'n/a' } } } as unknown as SalesStats;
    expect(figuresOf(stats).revenue).toEqual([{ currency: 'GBP', amount: 120.25 }]);
  });

  it('says when nothing happened in the period', () => {
    const quiet = figuresOf({
      totals: { revenue: {}, purchases: { NEW: 0 }, purchaseCount: 0, newLicenses: 0, licensesDue: 0 },
    });
    expect(quiet.quiet).toBe(true);
    expect(figuresOf(undefined).quiet).toBe(true);
    expect(figuresOf({ totals: { licensesDue: 1 } }).quiet).toBe(false);
  });
});

describe('chart data', () => {
  it('is one column per purchase type in the figures’ order, labelled for people', () => {
    expect(purchaseChartData(figuresOf(STATS))).toEqual([
      { type: 'NEW', label: 'New', count: 2 },
      { type: 'RENEWAL', label: 'Renewal', count: 1 },
      { type: 'EXPANSION', label: 'Expansion', count: 0 },
      { type: 'UPGRADE', label: 'Upgrade', count: 1 },
    ]);
  });

  it('labels a type it does not know by its name', () => {
    expect(purchaseChartData(figuresOf({ totals: { purchases: { DOWNGRADE: 1 } } })).at(-1)).toEqual({
      type: 'DOWNGRADE',
      label: 'DOWNGRADE',
      count: 1,
    });
  });
});

describe('plain numbers for the browser tests', () => {
  it('writes the endpoint’s number without grouping, currency or percent, and nothing for null', () => {
    expect(plainNumber(48000.5)).toBe('48000.5');
    expect(plainNumber(1234567)).toBe('1234567');
    expect(plainNumber(0.6667)).toBe('0.6667');
    expect(plainNumber(0)).toBe('0');
    expect(plainNumber(null)).toBe('');
    expect(plainNumber(undefined)).toBe('');
  });
});

describe('period', () => {
  const today = new Date(2026, 11, 7);

  it('is this calendar year by default', () => {
    expect(thisYear(today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod(new URLSearchParams(''), today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('reads ?from=&to= when both are real dates in order', () => {
    expect(parsePeriod(new URLSearchParams('from=2025-04-01&to=2025-06-30'), today)).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(parsePeriod(new URLSearchParams('from=2025-07-01&to=2025-07-01'), today)).toEqual({
      from: '2025-07-01',
      to: '2025-07-01',
    });
  });

  it('falls back to this year for invalid, reversed or half periods', () => {
    for (const query of [
      'from=2025-02-30&to=2025-03-01',
      'from=2025-06-30&to=2025-04-01',
      'from=2025-01-01',
      'from=x&to=y',
    ]) {
      expect(parsePeriod(new URLSearchParams(query), today)).toEqual(thisYear(today));
    }
  });

  it('writes the period to the URL, keeping other parameters, and leaves the default out', () => {
    const params = new URLSearchParams('tab=x');
    expect(withPeriod(params, { from: '2025-01-01', to: '2025-12-31' }, today).toString()).toBe(
      'tab=x&from=2025-01-01&to=2025-12-31',
    );
    expect(
      withPeriod(new URLSearchParams('from=2025-01-01&to=2025-12-31'), thisYear(today), today).toString(),
    ).toBe('');
  });
});
