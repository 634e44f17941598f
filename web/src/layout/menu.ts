import { can, type Role } from '../auth/roles';
import type { MessageKey } from '../i18n';

export interface MenuEntry {
  key: string;
  path: string;
  label: MessageKey;
}

/** The menu a user sees: only what their roles can use (the API still decides). */
export function menuFor(roles: Role[]): MenuEntry[] {
  const entries: MenuEntry[] = [];
  if (can.isStaff(roles)) {
    entries.push({ key: 'dashboard', path: '/', label: 'nav.dashboard' });
    entries.push({ key: 'licenses', path: '/licenses', label: 'nav.licenses' });
  }
  if (can.useOperations(roles))
    entries.push({ key: 'operations', path: '/operations', label: 'nav.operations' });
  if (can.isStaff(roles)) entries.push({ key: 'alerts', path: '/alerts', label: 'nav.alerts' });
  return entries;
}
