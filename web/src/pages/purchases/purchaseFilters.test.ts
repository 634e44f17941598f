import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { purchaseList, purchaseListUrl, toPurchaseApiQuery, type PurchaseListState } from './purchaseFilters';

const REP = 'cc39b4ed-b78b-43f8-92cf-31230e58700d';
const RESELLER = 'afa62a38-444e-4665-9256-3c21ec094157';
const params = (query: string) => new URLSearchParams(query);

describe('purchase list URL ⇄ state', () => {
  it('round-trips every filter, the page, size and sort', () => {
    const state: PurchaseListState = {
      filters: {
        licenseId: 'ENT-202612-000001',
        type: 'RENEWAL',
        salesRepId: REP,
        resellerId: RESELLER,
        from: '2026-01-01',
        to: '2026-06-30',
      },
      page: 3,
      size: 50,
      sort: { field: 'amount', order: 'desc' },
    };
    const url = purchaseList.toSearchParams(state);
    expect(url.toString()).toBe(
      `licenseId=ENT-202612-000001&type=RENEWAL&salesRepId=${REP}&resellerId=${RESELLER}` +
        '&from=2026-01-01&to=2026-06-30&page=3&size=50&sort=amount%2Cdesc',
    );
    expect(purchaseList.parse(params(url.toString()))).toEqual(state);
  });

  it('leaves the defaults out of the URL (page 1, 20 a page, newest purchase first)', () => {
    const state = purchaseList.parse(params(''));
    expect(state).toEqual({
      filters: {},
      page: 1,
      size: 20,
      sort: { field: 'purchaseDate', order: 'desc' },
    });
    expect(purchaseList.toSearchParams(state).toString()).toBe('');
  });

  it('ignores unknown parameters and invalid values', () => {
    const state = purchaseList.parse(
      params(
        [
          'type=GIFT',
          'salesRepId=not-a-uuid',
          `resellerId=${RESELLER}x`,
          'from=2026-02-30',
          'to=yesterday',
          'licenseId=%20%20',
          'foo=bar',
          'page=0',
          'size=7',
          'sort=customerName,asc',
        ].join('&'),
      ),
    );
    expect(state).toEqual(purchaseList.parse(params('')));
  });

  it('reads a License ID as typed and ids in lower case', () => {
    expect(
      purchaseList.parse(params(`licenseId=%20ent-202612-000001%20&salesRepId=${REP.toUpperCase()}`)).filters,
    ).toEqual({
      licenseId: 'ENT-202612-000001',
      salesRepId: REP,
    });
  });

  it('reads a period typed the wrong way round as meant', () => {
    expect(purchaseList.parse(params('from=2026-12-31&to=2026-01-01')).filters).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  it('takes the filter form: date pickers, blanks, a new search back to page 1 keeping size and sort', () => {
    const current = purchaseList.parse(params('type=NEW&page=4&size=50&sort=licenseId,asc'));
    const next = purchaseList.withFilters(current, {
      licenseId: '',
      type: 'UPGRADE',
      salesRepId: undefined,
      resellerId: null,
      from: dayjs('2026-03-01'),
      to: '2026-03-31',
    });
    expect(next).toEqual({
      filters: { type: 'UPGRADE', from: '2026-03-01', to: '2026-03-31' },
      page: 1,
      size: 50,
      sort: { field: 'licenseId', order: 'asc' },
    });
    expect(purchaseList.hasFilters(next.filters)).toBe(true);
    expect(purchaseList.hasFilters({})).toBe(false);
  });
});

describe('purchase API query', () => {
  it('counts pages from 0 and adds a tie-breaker to the sort', () => {
    const state = purchaseList.parse(
      params(`page=2&size=50&sort=type,asc&type=EXPANSION&resellerId=${RESELLER}`),
    );
    expect(toPurchaseApiQuery(state)).toEqual({
      type: 'EXPANSION',
      resellerId: RESELLER,
      page: 1,
      size: 50,
      sort: ['type,asc', 'createdAt,desc'],
    });
  });

  it('sends the API’s own order by default', () => {
    expect(toPurchaseApiQuery(purchaseList.parse(params('')))).toEqual({
      page: 0,
      size: 20,
      sort: ['purchaseDate,desc', 'createdAt,desc'],
    });
  });

  it('links to the list of one license', () => {
    expect(purchaseListUrl({ licenseId: 'ENT-202612-000001' })).toBe(
      '/purchases?licenseId=ENT-202612-000001',
    );
    expect(purchaseListUrl({})).toBe('/purchases');
  });
});
