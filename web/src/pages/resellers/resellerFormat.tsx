import { Tag } from 'antd';
import { t, type MessageKey } from '../../i18n';
import type { ResellerTier } from './resellerData';

const tierKeys: Record<ResellerTier, MessageKey> = {
  AUTHORIZED: 'resellers.tier.AUTHORIZED',
  GOLD: 'resellers.tier.GOLD',
  PLATINUM: 'resellers.tier.PLATINUM',
};

/** A tier as people read it; an unknown value (a newer server) shows as it is. */
export function tierLabel(tier: string | null | undefined): string {
  if (!tier) return '—';
  return tier in tierKeys ? t(tierKeys[tier as ResellerTier]) : tier;
}

// Dark text on a light fill (above 7:1).
const tierColors: Record<ResellerTier, { color: string; background: string; borderColor: string }> = {
  AUTHORIZED: { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' },
  GOLD: { color: '#614700', background: '#fffbe6', borderColor: '#ffe58f' },
  PLATINUM: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
};

export function TierTag({ tier }: { tier: string | null | undefined }) {
  if (!tier) return <>—</>;
  return <Tag style={tierColors[tier as ResellerTier] ?? tierColors.AUTHORIZED}>{tierLabel(tier)}</Tag>;
}
