import { describe, expect, it } from 'vitest';
import {
  activeLicensesUrl,
  alertChartData,
  alertMatrix,
  alertSeverityCounts,
  alertTypeCounts,
  countScale,
  expiringCounts,
  hrefOfChartEvent,
  inactiveLicensesUrl,
  licenseListUrl,
  productTypeCounts,
  severityScale,
  statusCounts,
  usageGauges,
  type AlertStats,
  type LicenseStats,
} from './dashboardData';

// What GET /api/v1/stats/licenses and GET /api/v1/stats/alerts answer for the demo data.
const licenseStats: LicenseStats = {
  asOf: '2026-12-07',
  total: 13,
  active: 11,
  inactive: 2,
  byStatus: { CREATED: 3, DEPLOYED: 2, IN_USE: 4, RENEWED: 2, EXPIRED: 0, SUSPENDED: 1, TERMINATED: 1 },
  byProductType: { ENT: 9, PRO: 4 },
  expiring: { within30Days: 1, within60Days: 2, within90Days: 3 },
  overused: 1,
  usage: {
    workspaces: 30,
    users: 638,
    authorizedWorkspaces: 69,
    authorizedUsers: 1370,
    licensesReporting: 6,
  },
};

const alertStats: AlertStats = {
  open: 5,
  acknowledged: 0,
  byType: {
    EXPIRING_90: 1,
    EXPIRING_60: 1,
    EXPIRING_30: 1,
    EXPIRED: 1,
    OVERUSE_WORKSPACES: 0,
    OVERUSE_USERS: 1,
    INACTIVE: 0,
    IRREGULAR_USAGE: 0,
  },
  bySeverity: { INFO: 2, WARNING: 1, CRITICAL: 2 },
  byTypeAndSeverity: [
    { type: 'EXPIRING_90', severity: 'INFO', open: 1 },
    { type: 'EXPIRING_60', severity: 'INFO', open: 1 },
    { type: 'EXPIRING_30', severity: 'WARNING', open: 1 },
    { type: 'EXPIRED', severity: 'CRITICAL', open: 1 },
    { type: 'OVERUSE_USERS', severity: 'CRITICAL', open: 1 },
  ],
};

describe('license list links', () => {
  it('writes the filters the license list reads', () => {
    expect(licenseListUrl()).toBe('/licenses');
    expect(licenseListUrl({ status: 'IN_USE' })).toBe('/licenses?status=IN_USE');
    expect(licenseListUrl({ expiringWithinDays: 30 })).toBe('/licenses?expiringWithinDays=30');
    expect(licenseListUrl({ overused: true })).toBe('/licenses?overused=true');
    expect(licenseListUrl({ productType: 'ENT', q: 'a b' })).toBe('/licenses?productType=ENT&q=a+b');
  });

  it('repeats status for active and inactive licenses', () => {
    expect(activeLicensesUrl()).toBe('/licenses?status=CREATED&status=DEPLOYED&status=IN_USE&status=RENEWED');
    expect(inactiveLicensesUrl()).toBe('/licenses?status=EXPIRED&status=SUSPENDED&status=TERMINATED');
  });
});

describe('licenses by status', () => {
  it('lists every status in lifecycle order with its count and list link', () => {
    const data = statusCounts(licenseStats);
    expect(data.map((d) => [d.key, d.value])).toEqual([
      ['CREATED', 3],
      ['DEPLOYED', 2],
      ['IN_USE', 4],
      ['RENEWED', 2],
      ['EXPIRED', 0],
      ['SUSPENDED', 1],
      ['TERMINATED', 1],
    ]);
    expect(data[2]).toMatchObject({ label: 'In use', href: '/licenses?status=IN_USE' });
  });

  it('shows zero for a status the service left out and keeps one it added', () => {
    const data = statusCounts({ byStatus: { IN_USE: 4, ARCHIVED: 2 } });
    expect(data.find((d) => d.key === 'CREATED')?.value).toBe(0);
    expect(data.at(-1)).toMatchObject({ key: 'ARCHIVED', value: 2, href: '/licenses?status=ARCHIVED' });
    expect(data.at(-1)?.color).toMatch(/^#/);
  });

  it('gives the chart a colour per label', () => {
    const data = statusCounts(licenseStats);
    const scale = countScale(data);
    expect(scale.domain).toEqual(data.map((d) => d.label));
    expect(scale.range).toHaveLength(data.length);
    expect(new Set(scale.range).size).toBe(data.length);
  });
});

describe('licenses by product type', () => {
  it('counts each product type, known ones first', () => {
    expect(productTypeCounts(licenseStats).map((d) => [d.key, d.value, d.href])).toEqual([
      ['ENT', 9, '/licenses?productType=ENT'],
      ['PRO', 4, '/licenses?productType=PRO'],
    ]);
    expect(productTypeCounts({ byProductType: { STD: 1 } }).map((d) => [d.key, d.value])).toEqual([
      ['ENT', 0],
      ['PRO', 0],
      ['STD', 1],
    ]);
  });
});

describe('expiring and usage', () => {
  it('maps the cumulative expiry windows', () => {
    expect(expiringCounts(licenseStats)).toEqual([
      { days: 30, value: 1, href: '/licenses?expiringWithinDays=30' },
      { days: 60, value: 2, href: '/licenses?expiringWithinDays=60' },
      { days: 90, value: 3, href: '/licenses?expiringWithinDays=90' },
    ]);
    expect(expiringCounts({}).map((e) => e.value)).toEqual([0, 0, 0]);
  });

  it('compares usage with what is authorized', () => {
    expect(usageGauges(licenseStats)).toEqual([
      { metric: 'workspaces', used: 30, authorized: 69, percent: 43 },
      { metric: 'users', used: 638, authorized: 1370, percent: 47 },
    ]);
  });

  it('has no percentage when nothing is authorized, and goes over 100 when overused', () => {
    expect(usageGauges({})[0]).toEqual({ metric: 'workspaces', used: 0, authorized: 0, percent: undefined });
    expect(usageGauges({ usage: { users: 30, authorizedUsers: 20 } })[1].percent).toBe(150);
  });
});

describe('open alerts', () => {
  it('counts every type with a link to its open alerts', () => {
    const data = alertTypeCounts(alertStats);
    expect(data).toHaveLength(8);
    expect(data[0]).toMatchObject({
      key: 'EXPIRED',
      value: 1,
      href: '/alerts?status=OPEN&status=ACKNOWLEDGED&type=EXPIRED',
    });
    expect(data.find((d) => d.key === 'INACTIVE')?.value).toBe(0);
  });

  it('counts severities worst first', () => {
    expect(alertSeverityCounts(alertStats).map((d) => [d.key, d.value, d.href])).toEqual([
      ['CRITICAL', 2, '/alerts?status=OPEN&status=ACKNOWLEDGED&severity=CRITICAL'],
      ['WARNING', 1, '/alerts?status=OPEN&status=ACKNOWLEDGED&severity=WARNING'],
      ['INFO', 2, '/alerts?status=OPEN&status=ACKNOWLEDGED&severity=INFO'],
    ]);
  });

  it('builds the type × severity matrix with every cell and the type totals', () => {
    const matrix = alertMatrix(alertStats);
    expect(matrix).toHaveLength(8);
    const overuse = matrix.find((row) => row.type === 'OVERUSE_USERS')!;
    expect(overuse.cells.CRITICAL).toEqual({
      value: 1,
      href: '/alerts?status=OPEN&status=ACKNOWLEDGED&type=OVERUSE_USERS&severity=CRITICAL',
    });
    expect(overuse.cells.INFO.value).toBe(0);
    expect(overuse.total).toEqual({
      value: 1,
      href: '/alerts?status=OPEN&status=ACKNOWLEDGED&type=OVERUSE_USERS',
    });
    const cellSum = matrix.reduce(
      (sum, row) => sum + row.cells.CRITICAL.value + row.cells.WARNING.value + row.cells.INFO.value,
      0,
    );
    expect(cellSum).toBe(alertStats.open);
  });

  it('adds up pairs the service sent twice (open and acknowledged counted apart)', () => {
    const matrix = alertMatrix({
      byTypeAndSeverity: [
        { type: 'EXPIRED', severity: 'CRITICAL', open: 2 },
        { type: 'EXPIRED', severity: 'CRITICAL', open: 3 },
      ],
    });
    expect(matrix.find((row) => row.type === 'EXPIRED')?.cells.CRITICAL.value).toBe(5);
  });

  it('stacks only the non-zero pairs in the chart, in type order', () => {
    const data = alertChartData(alertStats);
    expect(data.map((d) => `${d.type}/${d.severity}=${d.value}`)).toEqual([
      'EXPIRED/CRITICAL=1',
      'EXPIRING_30/WARNING=1',
      'EXPIRING_60/INFO=1',
      'EXPIRING_90/INFO=1',
      'OVERUSE_USERS/CRITICAL=1',
    ]);
    expect(data[0]).toMatchObject({ typeLabel: 'Expired', severityLabel: 'Critical' });
    expect(alertChartData({})).toEqual([]);
  });

  it('colours severities with the AA colours, worst first', () => {
    expect(severityScale()).toEqual({
      domain: ['Critical', 'Warning', 'Info'],
      range: ['#cf1322', '#ad4e00', '#1456d8'],
    });
  });
});

describe('chart clicks', () => {
  it('opens the list of the clicked element', () => {
    const event = { type: 'element:click', data: { data: { href: '/licenses?status=IN_USE' } } };
    expect(hrefOfChartEvent(event)).toBe('/licenses?status=IN_USE');
  });

  it('ignores other events, elements without a link and links leaving the app', () => {
    expect(hrefOfChartEvent({ type: 'element:pointerover', data: { data: { href: '/x' } } })).toBeUndefined();
    expect(hrefOfChartEvent({ type: 'element:click', data: {} })).toBeUndefined();
    expect(
      hrefOfChartEvent({ type: 'element:click', data: { data: { href: 'https://evil.example' } } }),
    ).toBeUndefined();
    expect(
      hrefOfChartEvent({ type: 'element:click', data: { data: { href: '//evil.example' } } }),
    ).toBeUndefined();
    expect(hrefOfChartEvent(null)).toBeUndefined();
  });
});
