import type { components } from '../../api/schema/deployment-service';
import { orderedPeriod, parsers } from '../purchases/listState';
import type { Deployment } from './deploymentFilters';

type Engineer = components['schemas']['EngineerDto'];

/** One column of the board: an engineer and what they have open, soonest first. */
export interface BoardColumn {
  /** The engineer's id; '' for deployments without one. */
  engineerId: string;
  /** The engineer's name; undefined while unknown (never the id). */
  name: string | undefined;
  /** False for an engineer known to be deactivated who still has open deployments. */
  active: boolean;
  cards: Deployment[];
}

const OPEN = new Set(['SCHEDULED', 'IN_PROGRESS']);

/** Soonest scheduled date first; on the same day what is in progress first, then by License ID. */
export function compareCards(a: Deployment, b: Deployment): number {
  const date = (a.scheduledDate ?? '9999-12-31').localeCompare(b.scheduledDate ?? '9999-12-31');
  if (date !== 0) return date;
  const progress = Number(b.status === 'IN_PROGRESS') - Number(a.status === 'IN_PROGRESS');
  if (progress !== 0) return progress;
  return (a.licenseId ?? '').localeCompare(b.licenseId ?? '');
}

/** Columns by name (A→Z, unknown names last), then by id so the order is stable. */
function compareColumns(a: BoardColumn, b: BoardColumn): number {
  if (a.name && b.name) {
    const byName = a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
    if (byName !== 0) return byName;
  } else if (a.name || b.name) {
    return a.name ? -1 : 1;
  }
  return a.engineerId.localeCompare(b.engineerId);
}

/**
 * The board: one column per engineer with their SCHEDULED and IN_PROGRESS deployments sorted by
 * scheduled date. `engineers` (the active ones) also get a column when they have nothing open, so
 * the board shows who is free; a deployment's engineer missing from `engineers` (deactivated, or
 * beyond the page read) still gets a column, named from the deployment. Other statuses and
 * duplicates (a deployment read twice while it moved) are left out.
 */
export function groupBoard(
  deployments: readonly Deployment[],
  engineers: readonly Engineer[] = [],
): BoardColumn[] {
  const columns = new Map<string, BoardColumn>();
  for (const engineer of engineers) {
    if (!engineer.id || engineer.active === false) continue;
    columns.set(engineer.id, { engineerId: engineer.id, name: engineer.name, active: true, cards: [] });
  }
  const seen = new Set<string>();
  for (const deployment of deployments) {
    if (!deployment.status || !OPEN.has(deployment.status)) continue;
    if (deployment.id) {
      if (seen.has(deployment.id)) continue;
      seen.add(deployment.id);
    }
    const key = deployment.engineerId ?? '';
    let column = columns.get(key);
    if (!column) {
      const known = engineers.find((e) => e.id === key);
      column = {
        engineerId: key,
        name: known?.name ?? deployment.engineerName,
        active: known?.active !== false,
        cards: [],
      };
      columns.set(key, column);
    }
    if (!column.name && deployment.engineerName) column.name = deployment.engineerName;
    column.cards.push(deployment);
  }
  const result = [...columns.values()];
  for (const column of result) column.cards.sort(compareCards);
  return result.sort(compareColumns);
}

/** The board's date range (scheduled dates, inclusive; either end open). */
export interface BoardPeriod {
  from?: string;
  to?: string;
}

/** The board's period from its URL (`/deployments/board?from=2026-12-01&to=2026-12-31`). */
export function parseBoardPeriod(params: URLSearchParams): BoardPeriod {
  const period: BoardPeriod = {};
  const from = parsers.isoDate(params.get('from'));
  const to = parsers.isoDate(params.get('to'));
  if (from) period.from = from;
  if (to) period.to = to;
  return orderedPeriod(period);
}

export function boardSearchParams(period: BoardPeriod): URLSearchParams {
  const params = new URLSearchParams();
  const { from, to } = orderedPeriod(period);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params;
}
