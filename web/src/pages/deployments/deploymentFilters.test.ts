import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  deploymentList,
  deploymentListUrl,
  toDeploymentApiQuery,
  type DeploymentListState,
} from './deploymentFilters';

const ENGINEER = '0b6d3a0e-7f7c-4d55-9a51-7e0c5f1f2b11';
const params = (query: string) => new URLSearchParams(query);

describe('deployment list URL ⇄ state', () => {
  it('round-trips every filter, the page, size and sort', () => {
    const state: DeploymentListState = {
      filters: {
        licenseId: 'PRO-202601-000042',
        engineerId: ENGINEER,
        status: 'IN_PROGRESS',
        from: '2026-12-01',
        to: '2026-12-31',
      },
      page: 2,
      size: 10,
      sort: { field: 'status', order: 'asc' },
    };
    const url = deploymentList.toSearchParams(state);
    expect(url.toString()).toBe(
      `licenseId=PRO-202601-000042&engineerId=${ENGINEER}&status=IN_PROGRESS&from=2026-12-01&to=2026-12-31` +
        '&page=2&size=10&sort=status%2Casc',
    );
    expect(deploymentList.parse(params(url.toString()))).toEqual(state);
  });

  it('reads a shared link such as /deployments?engineerId=…&status=SCHEDULED', () => {
    expect(deploymentList.parse(params(`engineerId=${ENGINEER}&status=SCHEDULED`))).toEqual({
      filters: { engineerId: ENGINEER, status: 'SCHEDULED' },
      page: 1,
      size: 20,
      sort: { field: 'scheduledDate', order: 'desc' },
    });
  });

  it('ignores unknown statuses, malformed ids, dates and sorts', () => {
    const state = deploymentList.parse(
      params('status=scheduled&engineerId=Lena&from=2026-13-01&to=&sort=engineerName,asc&sort2=x'),
    );
    expect(state.filters).toEqual({});
    expect(state.sort).toEqual({ field: 'scheduledDate', order: 'desc' });
    expect(deploymentList.toSearchParams(state).toString()).toBe('');
  });

  it('swaps a from after its to (the API would refuse it)', () => {
    const state = deploymentList.parse(params('from=2027-01-31&to=2027-01-01'));
    expect(state.filters).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(toDeploymentApiQuery(state)).toMatchObject({ from: '2027-01-01', to: '2027-01-31' });
  });

  it('takes the filter form back to page 1 with the size and sort kept', () => {
    const current = deploymentList.parse(params('page=5&size=50&sort=licenseId,desc'));
    expect(
      deploymentList.withFilters(current, {
        licenseId: ' pro-202601-000042',
        engineerId: ENGINEER,
        status: undefined,
        from: dayjs('2026-12-01'),
        to: null,
      }),
    ).toEqual({
      filters: { licenseId: 'PRO-202601-000042', engineerId: ENGINEER, from: '2026-12-01' },
      page: 1,
      size: 50,
      sort: { field: 'licenseId', order: 'desc' },
    });
  });
});

describe('deployment API query', () => {
  it('counts pages from 0 and keeps a stable order across pages', () => {
    const state = deploymentList.parse(params(`page=3&status=COMPLETED&engineerId=${ENGINEER}`));
    expect(toDeploymentApiQuery(state)).toEqual({
      engineerId: ENGINEER,
      status: 'COMPLETED',
      page: 2,
      size: 20,
      sort: ['scheduledDate,desc', 'createdAt,desc'],
    });
  });

  it('does not repeat the tie-breaker when it is the sort', () => {
    const state = deploymentList.parse(params('sort=createdAt,asc'));
    expect(toDeploymentApiQuery(state).sort).toEqual(['createdAt,asc']);
  });

  it('links to the deployments of an engineer', () => {
    expect(deploymentListUrl({ engineerId: ENGINEER })).toBe(`/deployments?engineerId=${ENGINEER}`);
  });
});
