import type { QueryClient } from '@tanstack/react-query';
import { deploymentApi } from '../../api/clients';
import type { components, operations } from '../../api/schema/deployment-service';

export type Engineer = components['schemas']['EngineerDto'];
export type NewEngineer = components['schemas']['NewEngineer'];
export type EngineerUpdate = components['schemas']['EngineerUpdate'];
export type DeploymentStats = components['schemas']['DeploymentStats'];
export type EngineerListQuery = NonNullable<operations['list']['parameters']['query']>;
export type StatsQuery = operations['deployments']['parameters']['query'];

/**
 * Query keys of the engineer screens, under `['engineers']`; the engineers' performance figures
 * and deployments live under `['deployments']` (src/pages/deployments/deploymentQueries.ts) so that
 * every deployment write refreshes them.
 */
export const engineerKeys = {
  all: ['engineers'] as const,
  list: (query: EngineerListQuery) => ['engineers', 'list', query] as const,
  detail: (id: string) => ['engineers', 'detail', id] as const,
  active: ['engineers', 'active-all'] as const,
};

/** An engineer with the ETag it was read with (its version), for the If-Match of a change. */
export interface EngineerRead {
  engineer: Engineer;
  etag: string | undefined;
}

export async function fetchEngineers(query: EngineerListQuery) {
  return (await deploymentApi.GET('/api/v1/engineers', { params: { query } })).data!;
}

export async function fetchEngineer(id: string): Promise<EngineerRead> {
  const { data, response } = await deploymentApi.GET('/api/v1/engineers/{id}', { params: { path: { id } } });
  return { engineer: data!, etag: response.headers.get('ETag') ?? undefined };
}

/** The active engineers (the API's largest page, by name): the board's columns. */
export async function fetchActiveEngineers() {
  const query: EngineerListQuery = { active: true, page: 0, size: 200, sort: ['name,asc'] };
  return (await fetchEngineers(query)).content ?? [];
}

export async function fetchDeploymentStats(query: StatsQuery) {
  return (await deploymentApi.GET('/api/v1/stats/deployments', { params: { query } })).data!;
}

/**
 * After an engineer was created or changed: the lists, the pickers, the names shown elsewhere and
 * the deployments (they carry the engineer's name).
 */
export function invalidateEngineers(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: engineerKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['names', 'engineer'] });
  void queryClient.invalidateQueries({ queryKey: ['deployments'] });
}
