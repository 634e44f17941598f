import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  filtersFrom,
  hasFilters,
  parseFilters,
  parseListState,
  parseSort,
  toApiQuery,
  toSearchParams,
  withFilters,
  type LicenseListState,
} from './licenseFilters';

const CUSTOMER = '5bb48339-8fee-4e75-93c5-d32e9b222166';
const RESELLER = 'afa62a38-444e-4665-9256-3c21ec094157';
const REP = 'cc39b4ed-b78b-43f8-92cf-31230e58700d';

const params = (query: string) => new URLSearchParams(query);

describe('license list URL ⇄ state', () => {
  it('round-trips every filter, the page, size and sort', () => {
    const state: LicenseListState = {
      filters: {
        status: ['IN_USE'],
        productType: 'ENT',
        licenseType: 'SUBSCRIPTION',
        customerId: CUSTOMER,
        resellerId: RESELLER,
        salesRepId: REP,
        expiringWithinDays: 30,
        overused: true,
        q: 'harbor',
      },
      page: 3,
      size: 50,
      sort: { field: 'expiryDate', order: 'desc' },
    };
    const url = toSearchParams(state);
    expect(url.get('customerId')).toBe(CUSTOMER);
    expect(url.get('page')).toBe('3');
    expect(url.get('sort')).toBe('expiryDate,desc');
    expect(parseListState(params(url.toString()))).toEqual(state);
  });

  it('round-trips overused=false and expiringWithinDays=0 (falsy but meant)', () => {
    const state = parseListState(params('overused=false&expiringWithinDays=0'));
    expect(state.filters).toEqual({ overused: false, expiringWithinDays: 0 });
    expect(toSearchParams(state).toString()).toBe('expiringWithinDays=0&overused=false');
  });

  it('reads a shared link such as /licenses?status=IN_USE&overused=true', () => {
    expect(parseListState(params('status=IN_USE&overused=true'))).toEqual({
      filters: { status: ['IN_USE'], overused: true },
      page: 1,
      size: DEFAULT_PAGE_SIZE,
      sort: undefined,
    });
  });

  it('leaves the defaults out of the URL', () => {
    expect(toSearchParams({ filters: {}, page: 1, size: DEFAULT_PAGE_SIZE }).toString()).toBe('');
  });

  it('ignores unknown parameters and invalid values', () => {
    const state = parseListState(
      params(
        [
          'status=SLEEPING',
          'productType=XYZ',
          'licenseType=subscription',
          'customerId=not-a-uuid',
          `resellerId=${RESELLER}x`,
          'salesRepId=',
          'expiringWithinDays=-5',
          'overused=yes',
          'q=%20%20',
          'foo=bar',
          'page=0',
          'size=7',
          'sort=customerName,asc',
        ].join('&'),
      ),
    );
    expect(state).toEqual({ filters: {}, page: 1, size: DEFAULT_PAGE_SIZE, sort: undefined });
  });

  it('rejects numbers that are not plain whole numbers in range', () => {
    for (const value of ['1.5', '1e3', '3651', 'abc', '12abc']) {
      expect(parseFilters(params(`expiringWithinDays=${value}`))).toEqual({});
    }
    expect(parseFilters(params('expiringWithinDays=3650'))).toEqual({ expiringWithinDays: 3650 });
    expect(parseListState(params('page=-2')).page).toBe(1);
    expect(parseListState(params('page=2.5')).page).toBe(1);
  });

  it('trims the search text and keeps ids in lower case', () => {
    expect(parseFilters(params(`q=%20ENT-2026%20&customerId=${CUSTOMER.toUpperCase()}`))).toEqual({
      q: 'ENT-2026',
      customerId: CUSTOMER,
    });
  });
});

describe('sort', () => {
  it('reads field,order and defaults to ascending', () => {
    expect(parseSort('id,desc')).toEqual({ field: 'id', order: 'desc' });
    expect(parseSort('expiryDate,ASC')).toEqual({ field: 'expiryDate', order: 'asc' });
    expect(parseSort('status')).toEqual({ field: 'status', order: 'asc' });
  });

  it('ignores fields the API does not sort by and malformed values', () => {
    expect(parseSort('customer,asc')).toBeUndefined();
    expect(parseSort('id,sideways')).toBeUndefined();
    expect(parseSort('id,asc,extra')).toBeUndefined();
    expect(parseSort('')).toBeUndefined();
    expect(parseSort(null)).toBeUndefined();
  });
});

describe('several statuses', () => {
  it('reads repeated status values once each, in a fixed order, dropping unknown ones', () => {
    expect(parseFilters(params('status=IN_USE&status=CREATED&status=SLEEPING&status=IN_USE'))).toEqual({
      status: ['CREATED', 'IN_USE'],
    });
  });

  it('writes them as repeated parameters', () => {
    const state = parseListState(params('status=EXPIRED&status=TERMINATED'));
    expect(toSearchParams(state).getAll('status')).toEqual(['EXPIRED', 'TERMINATED']);
    expect(toApiQuery(state).status).toEqual(['EXPIRED', 'TERMINATED']);
  });

  it('takes the multiple select of the filter form', () => {
    expect(filtersFrom({ status: ['SUSPENDED', 'DEPLOYED'] })).toEqual({ status: ['DEPLOYED', 'SUSPENDED'] });
    expect(filtersFrom({ status: [] })).toEqual({});
  });
});

describe('API query', () => {
  it('counts pages from 0 and passes the sort as the API writes it', () => {
    const state = parseListState(
      params(`page=2&size=50&sort=expiryDate,desc&status=EXPIRED&customerId=${CUSTOMER}`),
    );
    expect(toApiQuery(state)).toEqual({
      status: ['EXPIRED'],
      customerId: CUSTOMER,
      page: 1,
      size: 50,
      sort: ['expiryDate,desc'],
    });
  });

  it('sends no sort when none is chosen (the API default applies)', () => {
    expect(toApiQuery(parseListState(params('')))).toEqual({ page: 0, size: DEFAULT_PAGE_SIZE });
  });
});

describe('changing the filters', () => {
  const current = parseListState(params('status=IN_USE&page=4&size=50&sort=id,desc'));

  it('goes back to page 1 and keeps the size and sort', () => {
    const next = withFilters(current, { status: 'EXPIRED', overused: 'true' });
    expect(next).toEqual({
      filters: { status: ['EXPIRED'], overused: true },
      page: 1,
      size: 50,
      sort: { field: 'id', order: 'desc' },
    });
  });

  it('drops blank and invalid form values', () => {
    expect(
      filtersFrom({
        q: '  ',
        status: undefined,
        customerId: null,
        expiringWithinDays: 99999,
        licenseType: 'TRIAL',
      }),
    ).toEqual({
      licenseType: 'TRIAL',
    });
  });

  it('knows whether anything narrows the list', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ overused: false })).toBe(true);
    expect(hasFilters({ q: '   ' })).toBe(false);
  });
});
