import { PRODUCT_TYPES } from '../domain/license';

/**
 * What the header's search box holds: a License ID (a business key: open that license), text to
 * look up customers, sales reps and engineers by name or e-mail, or too little to search.
 */
export type SearchInput =
  | { kind: 'empty' }
  | { kind: 'short'; text: string }
  | { kind: 'license'; id: string }
  | { kind: 'text'; q: string };

/** Fewer characters match too much to be useful. */
export const MIN_SEARCH_LENGTH = 2;
const MAX_SEARCH_LENGTH = 100;

/** ENT-202612-000001: product, year and month of creation, sequence. */
const LICENSE_ID = new RegExp(`^(?:${PRODUCT_TYPES.join('|')})-\\d{6}-\\d{6}$`);

export function classifySearch(raw: string): SearchInput {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  const upper = text.toUpperCase();
  if (LICENSE_ID.test(upper)) return { kind: 'license', id: upper };
  if (text.length < MIN_SEARCH_LENGTH) return { kind: 'short', text };
  return { kind: 'text', q: text.slice(0, MAX_SEARCH_LENGTH) };
}

export function licensePath(id: string): string {
  return `/licenses/${encodeURIComponent(id)}`;
}
