import { formatDateTime, t } from '../../i18n';

/** Regions the demo data and the sales organisation use; the fields accept any other value too. */
export const KNOWN_REGIONS = ['EMEA', 'NA', 'LATAM', 'APAC'] as const;

let regionNames: Intl.DisplayNames | undefined;
function displayNames(): Intl.DisplayNames | undefined {
  try {
    regionNames ??= new Intl.DisplayNames(undefined, { type: 'region' });
  } catch {
    regionNames = undefined;
  }
  return regionNames;
}

/** "Germany (DE)" for an ISO 3166 code, the value itself for anything else, "—" for none. */
export function countryLabel(country: string | null | undefined): string {
  const value = country?.trim();
  if (!value) return '—';
  if (!/^[A-Za-z]{2}$/.test(value)) return value;
  const code = value.toUpperCase();
  let name: string | undefined;
  try {
    name = displayNames()?.of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

/** "EMEA · Germany (DE)": where a customer is. */
export function placeLabel(region: string | null | undefined, country: string | null | undefined): string {
  const parts = [region?.trim(), country?.trim() ? countryLabel(country) : undefined].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

/** Who changed it and when, as "7 Dec 2026, 01:35 by bob". */
export function whenBy(at: string | null | undefined, who: string | null | undefined): string {
  if (!at) return '—';
  return who ? t('parties.field.whenBy', { when: formatDateTime(at), who }) : formatDateTime(at);
}
