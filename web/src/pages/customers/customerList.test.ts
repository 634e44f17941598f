import { describe, expect, it } from 'vitest';
import { customerList, type CustomerListState } from './customerData';
import { DEFAULT_PAGE_SIZE } from './listState';

const REP = 'cc39b4ed-b78b-43f8-92cf-31230e58700d';
const RESELLER = 'afa62a38-444e-4665-9256-3c21ec094157';
const params = (query: string) => new URLSearchParams(query);

describe('customer list URL ⇄ state', () => {
  it('round-trips every filter, the page, size and sort', () => {
    const state: CustomerListState = {
      filters: {
        q: 'harbor',
        region: 'EMEA',
        country: 'NL',
        industry: 'Logistics',
        salesRepId: REP,
        resellerId: RESELLER,
      },
      page: 3,
      size: 50,
      sort: { field: 'industry', order: 'desc' },
    };
    const url = customerList.toSearchParams(state);
    expect(url.toString()).toBe(
      `q=harbor&region=EMEA&country=NL&industry=Logistics&salesRepId=${REP}&resellerId=${RESELLER}` +
        '&page=3&size=50&sort=industry%2Cdesc',
    );
    expect(customerList.parse(params(url.toString()))).toEqual(state);
  });

  it('reads a link from a rep or reseller page such as /customers?resellerId=…', () => {
    expect(customerList.parse(params(`resellerId=${RESELLER}`))).toEqual({
      filters: { resellerId: RESELLER },
      page: 1,
      size: DEFAULT_PAGE_SIZE,
      sort: undefined,
    });
  });

  it('leaves the defaults out of the URL', () => {
    expect(customerList.toSearchParams({ filters: {}, page: 1, size: DEFAULT_PAGE_SIZE }).toString()).toBe(
      '',
    );
  });

  it('ignores unknown parameters and invalid values', () => {
    const state = customerList.parse(
      params(
        [
          'salesRepId=hannah',
          `resellerId=${RESELLER}x`,
          'region=%20%20',
          'status=IN_USE',
          'page=0',
          'size=7',
          'sort=licenseCount,desc',
        ].join('&'),
      ),
    );
    expect(state).toEqual({ filters: {}, page: 1, size: DEFAULT_PAGE_SIZE, sort: undefined });
  });

  it('trims text, caps its length and keeps ids in lower case', () => {
    const long = 'x'.repeat(250);
    expect(
      customerList.parseFilters(params(`q=%20Blue%20&country=${long}&salesRepId=${REP.toUpperCase()}`)),
    ).toEqual({ q: 'Blue', country: 'x'.repeat(200), salesRepId: REP });
  });

  it('reads field,order sorts the API accepts, ascending by default', () => {
    expect(customerList.parseSort('name')).toEqual({ field: 'name', order: 'asc' });
    expect(customerList.parseSort('createdAt,DESC')).toEqual({ field: 'createdAt', order: 'desc' });
    expect(customerList.parseSort('name,sideways')).toBeUndefined();
    expect(customerList.parseSort('salesRepName,asc')).toBeUndefined();
  });
});

describe('customer list API query', () => {
  it('counts pages from 0 and passes the filters and sort as the API takes them', () => {
    const state = customerList.parse(params(`page=2&size=10&sort=name,desc&region=NA&salesRepId=${REP}`));
    expect(customerList.toApiQuery(state)).toEqual({
      region: 'NA',
      salesRepId: REP,
      page: 1,
      size: 10,
      sort: ['name,desc'],
    });
  });

  it('sends no sort when none is chosen (the API sorts by name)', () => {
    expect(customerList.toApiQuery(customerList.parse(params('')))).toEqual({
      page: 0,
      size: DEFAULT_PAGE_SIZE,
    });
  });
});

describe('changing the filters', () => {
  const current = customerList.parse(params('region=EMEA&page=4&size=50&sort=name,desc'));

  it('goes back to page 1 and keeps the size and sort', () => {
    expect(customerList.withFilters(current, { industry: ' Retail ', resellerId: RESELLER })).toEqual({
      filters: { industry: 'Retail', resellerId: RESELLER },
      page: 1,
      size: 50,
      sort: { field: 'name', order: 'desc' },
    });
  });

  it('drops blank and invalid form values (a cleared picker is undefined or null)', () => {
    expect(
      customerList.filtersFrom({ q: '  ', salesRepId: null, resellerId: undefined, country: 'DE' }),
    ).toEqual({
      country: 'DE',
    });
  });

  it('knows whether anything narrows the list', () => {
    expect(customerList.hasFilters({})).toBe(false);
    expect(customerList.hasFilters({ q: '   ' })).toBe(false);
    expect(customerList.hasFilters({ region: 'APAC' })).toBe(true);
  });
});
