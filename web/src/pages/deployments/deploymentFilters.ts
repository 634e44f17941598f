import type { components, operations } from '../../api/schema/deployment-service';
import { listUrl, orderedPeriod, parsers, type ListState } from '../purchases/listState';

/** The deployment list's filters, page and sort as they live in the URL (`/deployments?status=SCHEDULED&…`). */

export type Deployment = components['schemas']['DeploymentDto'];
export type DeploymentStatus = NonNullable<Deployment['status']>;
export type HistoryEntry = components['schemas']['HistoryEntryDto'];
export type DeploymentListQuery = NonNullable<operations['list_1']['parameters']['query']>;

export const DEPLOYMENT_STATUSES = [
  'SCHEDULED',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
] as const satisfies readonly DeploymentStatus[];

export interface DeploymentFilters {
  /** A License ID, matched exactly. */
  licenseId?: string;
  engineerId?: string;
  status?: DeploymentStatus;
  /** The scheduled date's bounds, inclusive (`YYYY-MM-DD`). */
  from?: string;
  to?: string;
}

/** The fields the list sorts by (properties of a deployment; anything else is a 400). */
export const DEPLOYMENT_SORT_FIELDS = [
  'scheduledDate',
  'status',
  'licenseId',
  'environment',
  'productVersion',
  'updatedAt',
  'createdAt',
] as const;
export type DeploymentSortField = (typeof DEPLOYMENT_SORT_FIELDS)[number];

export type DeploymentListState = ListState<DeploymentFilters, DeploymentSortField>;

export const deploymentList = listUrl<DeploymentFilters, DeploymentSortField>({
  filters: {
    licenseId: parsers.licenseId,
    engineerId: parsers.uuid,
    status: parsers.oneOf(DEPLOYMENT_STATUSES),
    from: parsers.isoDate,
    to: parsers.isoDate,
  },
  // the API refuses a from after its to (400): read it as meant
  normalize: orderedPeriod,
  sortFields: DEPLOYMENT_SORT_FIELDS,
  defaultSort: { field: 'scheduledDate', order: 'desc' },
  tieBreaker: 'createdAt,desc',
});

/** The query of `GET /api/v1/deployments` for a list state. */
export function toDeploymentApiQuery(state: DeploymentListState): DeploymentListQuery {
  return { ...deploymentList.filtersFrom(state.filters), ...deploymentList.paging(state) };
}

/** The link to the deployment list with these filters (from an engineer, a license). */
export function deploymentListUrl(filters: DeploymentFilters): string {
  const query = deploymentList
    .toSearchParams({
      filters,
      page: 1,
      size: deploymentList.defaultSize,
      sort: { field: 'scheduledDate', order: 'desc' },
    })
    .toString();
  return query ? `/deployments?${query}` : '/deployments';
}
