import { formatDate, t } from '../../i18n';
import { deploymentStatusLabel } from '../licenses/licenseFormat';
import type { Deployment, HistoryEntry } from './deploymentFilters';

/** When the deployment last moved: finished, started, changed or created. */
export function lastMoveOf(d: Deployment): string | undefined {
  return d.completedAt ?? d.failedAt ?? d.cancelledAt ?? d.startedAt ?? d.updatedAt ?? d.createdAt;
}

/** What a deployment is called where its id would be: "Deployment of ENT-202612-000001". */
export function deploymentTitle(d: Pick<Deployment, 'licenseId'>): string {
  return t('deployments.detail.titleOf', { license: d.licenseId ?? '—' });
}

/** "Scheduled for 21 Dec 2026". */
export function scheduledText(d: Pick<Deployment, 'scheduledDate'>): string {
  return t('deployments.detail.scheduledFor', { date: formatDate(d.scheduledDate) });
}

/** A move as people read it: "Scheduled" for the first entry (no from), else "Scheduled → In progress". */
export function moveText(entry: Pick<HistoryEntry, 'from' | 'to'>): string {
  if (!entry.from) return deploymentStatusLabel(entry.to);
  return t('deployments.history.move', {
    from: deploymentStatusLabel(entry.from),
    to: deploymentStatusLabel(entry.to),
  });
}

/** History entries oldest first (the API's order; sorted again in case it changes). */
export function sortHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const time = (e: HistoryEntry) => Date.parse(e.at ?? '') || 0;
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(a.entry) - time(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}
