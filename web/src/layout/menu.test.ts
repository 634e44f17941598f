import { menuFor } from './menu';
import { can, rolesOf } from '../auth/roles';
import { t } from '../i18n';

/** An unsigned token with the given realm roles: the app only reads claims, the API verifies. */
function tokenWithRoles(roles: string[]): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'RS256' })}.${encode({ realm_access: { roles } })}.signature`;
}

describe('the menu follows the roles in the token', () => {
  it.each([
    [
      ['admin'],
      [
        '/',
        '/licenses',
        '/operations',
        '/alerts',
        '/customers',
        '/purchases',
        '/deployments',
        '/engineers',
        '/sales-reps',
        '/resellers',
        '/audit',
      ],
    ],
    [
      ['sales'],
      [
        '/',
        '/licenses',
        '/operations',
        '/alerts',
        '/customers',
        '/purchases',
        '/deployments',
        '/engineers',
        '/sales-reps',
        '/resellers',
      ],
    ],
    [
      ['engineer'],
      [
        '/',
        '/licenses',
        '/operations',
        '/alerts',
        '/customers',
        '/purchases',
        '/deployments',
        '/engineers',
        '/sales-reps',
        '/resellers',
      ],
    ],
    [['partner'], ['/partner/customers', '/partner/licenses', '/partner/alerts', '/partner/usage']],
    [[], []],
  ])('roles %j see %j', (roles, paths) => {
    expect(menuFor(rolesOf(tokenWithRoles(roles))).map((entry) => entry.path)).toEqual(paths);
  });

  it('gives a partner the partner portal menu, in the order of the brief', () => {
    expect(
      menuFor(rolesOf(tokenWithRoles(['partner']))).map((entry) => [entry.path, t(entry.label)]),
    ).toEqual([
      ['/partner/customers', 'Customers'],
      ['/partner/licenses', 'Licenses'],
      ['/partner/alerts', 'Alerts'],
      ['/partner/usage', 'Report usage'],
    ]);
  });

  it('shows the audit log to admins only', () => {
    const hasAudit = (roles: string[]) =>
      menuFor(rolesOf(tokenWithRoles(roles))).some((entry) => entry.path === '/audit');
    expect(hasAudit(['admin'])).toBe(true);
    expect(hasAudit(['admin', 'sales'])).toBe(true);
    expect(hasAudit(['sales'])).toBe(false);
    expect(hasAudit(['engineer'])).toBe(false);
    expect(hasAudit(['partner'])).toBe(false);
  });

  it('gives a partner who also holds a staff role the staff menu', () => {
    const paths = menuFor(rolesOf(tokenWithRoles(['partner', 'sales']))).map((entry) => entry.path);
    expect(paths).toContain('/licenses');
    expect(paths.some((path) => path.startsWith('/partner'))).toBe(false);
  });

  it('ignores roles DELMS does not know and tokens it cannot read', () => {
    expect(rolesOf(tokenWithRoles(['offline_access', 'uma_authorization', 'sales']))).toEqual(['sales']);
    expect(rolesOf('not-a-token')).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
  });
});

describe('actions follow the roles table', () => {
  it('lets only admins terminate, and sales suspend or reinstate', () => {
    expect(can.terminate(['admin'])).toBe(true);
    expect(can.terminate(['sales'])).toBe(false);
    expect(can.suspendOrReinstate(['sales'])).toBe(true);
    expect(can.suspendOrReinstate(['engineer'])).toBe(false);
  });

  it('lets sales and admins record purchases, and engineers and admins report usage', () => {
    expect(can.recordPurchase(['sales'])).toBe(true);
    expect(can.recordPurchase(['engineer'])).toBe(false);
    expect(can.reportUsage(['engineer'])).toBe(true);
    expect(can.reportUsage(['sales'])).toBe(false);
  });

  it('gives a partner no staff action', () => {
    for (const check of Object.values(can)) expect(check(['partner'])).toBe(false);
  });
});
