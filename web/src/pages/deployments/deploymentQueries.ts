import { deploymentApi } from '../../api/clients';
import type { Deployment, DeploymentListQuery, DeploymentStatus } from './deploymentFilters';

/**
 * Query keys of the deployment screens: everything under `['deployments']`, which every write about
 * deployments (scheduling, transitions: see src/lib/forms.ts `invalidateLicenseData`) invalidates —
 * lists, details, histories, the board and the engineers' performance figures.
 */
export const deploymentKeys = {
  all: ['deployments'] as const,
  list: (query: DeploymentListQuery) => ['deployments', 'list', query] as const,
  detail: (id: string) => ['deployments', 'detail', id] as const,
  history: (id: string) => ['deployments', 'detail', id, 'history'] as const,
  board: (period: { from?: string; to?: string }) => ['deployments', 'board', period] as const,
  stats: (query: { from: string; to: string; engineerId?: string }) =>
    ['deployments', 'stats', query] as const,
};

/** The If-Match of a write: the ETag read with the resource, else its version as the services write it. */
export function ifMatchOf(etag: string | undefined, version: number | undefined): string | undefined {
  if (etag) return etag;
  return version === undefined || version === null ? undefined : `"${version}"`;
}

export async function fetchDeploymentList(query: DeploymentListQuery) {
  return (await deploymentApi.GET('/api/v1/deployments', { params: { query } })).data!;
}

/** A deployment with the ETag it was read with (its version), for the If-Match of a transition. */
export interface DeploymentRead {
  deployment: Deployment;
  etag: string | undefined;
}

export async function fetchDeployment(id: string): Promise<DeploymentRead> {
  const { data, response } = await deploymentApi.GET('/api/v1/deployments/{id}', {
    params: { path: { id } },
  });
  return { deployment: data!, etag: response.headers.get('ETag') ?? undefined };
}

export async function fetchHistory(id: string) {
  return (
    (await deploymentApi.GET('/api/v1/deployments/{id}/history', { params: { path: { id } } })).data ?? []
  );
}

/** The API's largest page. */
const PAGE_SIZE = 200;
/** At most this many pages per status: a board of more than 1,000 open deployments says it is cut. */
const MAX_PAGES = 5;

/** What the board shows: deployments not yet done. */
export const OPEN_STATUSES = ['IN_PROGRESS', 'SCHEDULED'] as const satisfies readonly DeploymentStatus[];

export interface OpenDeployments {
  deployments: Deployment[];
  /** More matched than were read. */
  truncated: boolean;
}

/** Every SCHEDULED and IN_PROGRESS deployment with a scheduled date in the period (inclusive; open ends allowed). */
export async function fetchOpenDeployments(period: { from?: string; to?: string }): Promise<OpenDeployments> {
  const deployments: Deployment[] = [];
  let truncated = false;
  for (const status of OPEN_STATUSES) {
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: DeploymentListQuery = {
        status,
        from: period.from,
        to: period.to,
        page,
        size: PAGE_SIZE,
        sort: ['scheduledDate,asc', 'createdAt,asc'],
      };
      const data = await fetchDeploymentList(query);
      deployments.push(...(data.content ?? []));
      const totalPages = data.page?.totalPages ?? 0;
      if (page + 1 >= totalPages) break;
      if (page + 1 === MAX_PAGES) truncated = true;
    }
  }
  return { deployments, truncated };
}
