import { can, frameFor, type Role } from '../auth/roles';
import type { MessageKey } from '../i18n';

export interface MenuEntry {
  key: string;
  path: string;
  label: MessageKey;
}

/** The partner portal's menu: the reseller's own customers, licenses, alerts and usage reports. */
const PARTNER_MENU: MenuEntry[] = [
  { key: 'partner-customers', path: '/partner/customers', label: 'nav.partner.customers' },
  { key: 'partner-licenses', path: '/partner/licenses', label: 'nav.partner.licenses' },
  { key: 'partner-alerts', path: '/partner/alerts', label: 'nav.partner.alerts' },
  { key: 'partner-usage', path: '/partner/usage', label: 'nav.partner.usage' },
];

/** The menu a user sees: only what their roles can use (the API still decides). */
export function menuFor(roles: Role[]): MenuEntry[] {
  if (frameFor(roles) === 'partner') return PARTNER_MENU;
  const entries: MenuEntry[] = [];
  if (can.isStaff(roles)) {
    entries.push({ key: 'dashboard', path: '/', label: 'nav.dashboard' });
    entries.push({ key: 'licenses', path: '/licenses', label: 'nav.licenses' });
  }
  if (can.useOperations(roles))
    entries.push({ key: 'operations', path: '/operations', label: 'nav.operations' });
  if (can.isStaff(roles)) {
    entries.push({ key: 'alerts', path: '/alerts', label: 'nav.alerts' });
    entries.push({ key: 'customers', path: '/customers', label: 'nav.customers' });
    entries.push({ key: 'purchases', path: '/purchases', label: 'nav.purchases' });
    entries.push({ key: 'deployments', path: '/deployments', label: 'nav.deployments' });
    entries.push({ key: 'engineers', path: '/engineers', label: 'nav.engineers' });
    entries.push({ key: 'sales-reps', path: '/sales-reps', label: 'nav.salesReps' });
    entries.push({ key: 'resellers', path: '/resellers', label: 'nav.resellers' });
  }
  if (can.viewAudit(roles)) entries.push({ key: 'audit', path: '/audit', label: 'nav.audit' });
  return entries;
}
