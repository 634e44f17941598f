import { describe, expect, it } from 'vitest';
import {
  alertListUrl,
  alertSearchParams,
  DEFAULT_ALERT_SORT,
  parseAlertListState,
  toAlertApiQuery,
  withAlertFilters,
} from './alertQuery';

const CUSTOMER = 'c18b9373-291a-4d48-a85b-4a1e05f4b215';

describe('alert list state in the URL', () => {
  it('reads a dashboard link', () => {
    const state = parseAlertListState(new URLSearchParams('status=OPEN&type=EXPIRED&severity=CRITICAL'));
    expect(state).toEqual({
      filters: { status: ['OPEN'], type: 'EXPIRED', severity: 'CRITICAL' },
      page: 1,
      size: 20,
      sort: DEFAULT_ALERT_SORT,
    });
  });

  it('ignores invalid values', () => {
    const state = parseAlertListState(
      new URLSearchParams(
        'status=CLOSED&type=x&severity=&customerId=not-a-uuid&page=0&size=7&sort=severity,desc',
      ),
    );
    expect(state).toEqual({ filters: {}, page: 1, size: 20, sort: DEFAULT_ALERT_SORT });
  });

  it('round-trips every filter, the page, size and sort', () => {
    const query = `status=ACKNOWLEDGED&type=OVERUSE_USERS&severity=WARNING&licenseId=ENT-202612-000001&customerId=${CUSTOMER}&page=3&size=50&sort=licenseId%2Casc`;
    const state = parseAlertListState(new URLSearchParams(query));
    expect(state.filters.licenseId).toBe('ENT-202612-000001');
    expect(state.sort).toEqual({ field: 'licenseId', order: 'asc' });
    expect(alertSearchParams(state).toString()).toBe(query);
  });

  it('leaves the defaults out of the URL', () => {
    expect(alertListUrl({})).toBe('/alerts');
    expect(alertListUrl({ status: ['OPEN'], type: 'EXPIRED', severity: 'INFO' })).toBe(
      '/alerts?status=OPEN&type=EXPIRED&severity=INFO',
    );
  });

  it('writes several statuses as repeated parameters and reads them back', () => {
    expect(alertListUrl({ status: ['ACKNOWLEDGED', 'OPEN'] })).toBe(
      '/alerts?status=OPEN&status=ACKNOWLEDGED',
    );
    expect(
      parseAlertListState(new URLSearchParams('status=OPEN&status=ACKNOWLEDGED&status=BURNING')).filters,
    ).toEqual({
      status: ['OPEN', 'ACKNOWLEDGED'],
    });
  });

  it('starts new filters on page 1 and keeps sort and size', () => {
    const state = parseAlertListState(new URLSearchParams('page=4&size=50&sort=type,asc'));
    const next = withAlertFilters(state, { status: ['OPEN'], licenseId: '  PRO-1 ', customerId: '' });
    expect(next).toEqual({
      filters: { status: ['OPEN'], licenseId: 'PRO-1' },
      page: 1,
      size: 50,
      sort: { field: 'type', order: 'asc' },
    });
  });
});

describe('alert list API query', () => {
  it('counts pages from 0 and adds a tie-breaker to sorts other than by date', () => {
    const state = parseAlertListState(new URLSearchParams('status=OPEN&page=2&sort=type,desc'));
    expect(toAlertApiQuery(state)).toEqual({
      status: ['OPEN'],
      page: 1,
      size: 20,
      sort: ['type,desc', 'raisedAt,desc'],
    });
    expect(toAlertApiQuery(parseAlertListState(new URLSearchParams())).sort).toEqual(['raisedAt,desc']);
  });
});
