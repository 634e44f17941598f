import { Tag } from 'antd';
import { formatDate, formatDateTime, t } from '../../i18n';
import { purchaseTypeLabel } from '../licenses/licenseFormat';
import type { Purchase } from './purchaseFilters';

// Dark text on a light fill (antd's 9th shade on the 1st): readable, unlike the preset tag colours.
const typeColors: Record<string, { color: string; background: string; border: string }> = {
  NEW: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
  RENEWAL: { color: '#003eb3', background: '#e6f4ff', border: '#91caff' },
  EXPANSION: { color: '#00474f', background: '#e6fffb', border: '#87e8de' },
  UPGRADE: { color: '#22075e', background: '#f9f0ff', border: '#d3adf7' },
};
const neutral = { color: '#434343', background: '#f5f5f5', border: '#d9d9d9' };

export function PurchaseTypeTag({ type }: { type: string | undefined }) {
  if (!type) return <>—</>;
  const colors = typeColors[type] ?? neutral;
  return (
    <Tag
      style={{ color: colors.color, background: colors.background, borderColor: colors.border }}
      data-testid="purchase-type"
    >
      {purchaseTypeLabel(type)}
    </Tag>
  );
}

/** "1 Jan 2026 – 31 Dec 2026", one end alone, or a dash. */
export function periodText(purchase: Pick<Purchase, 'periodStart' | 'periodEnd'>): string {
  const { periodStart, periodEnd } = purchase;
  if (!periodStart && !periodEnd) return '—';
  return t('purchases.periodRange', { from: formatDate(periodStart), to: formatDate(periodEnd) });
}

/** What a purchase is called where its id would be: "Renewal of ENT-202612-000001 on 7 Dec 2026". */
export function purchaseTitle(purchase: Purchase): string {
  return t('purchases.detail.titleOf', {
    type: purchaseTypeLabel(purchase.type),
    license: purchase.licenseId ?? '—',
    date: formatDate(purchase.purchaseDate),
  });
}

/** "7 Dec 2026, 01:35 by bob". */
export function whenBy(at: string | undefined, who: string | undefined): string {
  if (!at) return '—';
  return who ? t('delivery.when', { when: formatDateTime(at), who }) : formatDateTime(at);
}
