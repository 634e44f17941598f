import { alertApi } from '../../api/clients';
import type { components, operations } from '../../api/schema/alert-service';
import { toAlertApiQuery, type AlertListState } from './alertQuery';
import type { AlertDto } from './alertVocabulary';

/** The alert service's calls used by the alert list and the dashboard, with their cache keys. */

export type AlertPage = components['schemas']['PageResponseAlertDto'];
export type AlertStats = components['schemas']['AlertStats'];

export const alertKeys = {
  all: ['alerts'] as const,
  list: (state: AlertListState) => ['alerts', 'list', state] as const,
  stats: ['alerts', 'stats'] as const,
};

export async function fetchAlerts(state: AlertListState, signal?: AbortSignal): Promise<AlertPage> {
  const query: operations['list']['parameters']['query'] = toAlertApiQuery(state);
  const { data } = await alertApi.GET('/api/v1/alerts', { params: { query }, signal });
  return data ?? { content: [], page: { number: 0, size: state.size, totalElements: 0, totalPages: 0 } };
}

export async function fetchAlertStats(signal?: AbortSignal): Promise<AlertStats> {
  const { data } = await alertApi.GET('/api/v1/stats/alerts', { signal });
  return data ?? {};
}

/** Acknowledges an open alert; `If-Match` with the version the user saw, so a changed alert is 412. */
export async function acknowledgeAlert(alert: AlertDto): Promise<AlertDto | undefined> {
  const { data } = await alertApi.POST('/api/v1/alerts/{id}/acknowledge', {
    params: {
      path: { id: alert.id! },
      header: alert.version === undefined ? {} : { 'If-Match': `"${alert.version}"` },
    },
  });
  return data;
}
