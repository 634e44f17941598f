import { jwtDecode } from 'jwt-decode';

export type Role = 'admin' | 'sales' | 'engineer' | 'partner';

const KNOWN: Role[] = ['admin', 'sales', 'engineer', 'partner'];

interface AccessTokenClaims {
  realm_access?: { roles?: string[] };
  reseller_id?: string;
  scope?: string;
}

/** The DELMS roles in an access token (realm roles), in the order of KNOWN. */
export function rolesOf(accessToken: string | undefined): Role[] {
  if (!accessToken) return [];
  try {
    const claims = jwtDecode<AccessTokenClaims>(accessToken);
    const roles = claims.realm_access?.roles ?? [];
    return KNOWN.filter((role) => roles.includes(role));
  } catch {
    return [];
  }
}

/** The role shown beside the user's name: the most powerful one held. */
export function primaryRole(roles: Role[]): Role | undefined {
  return roles[0];
}

/**
 * What each role may do, from the roles table of the API. The API still decides: these only hide
 * what would be refused anyway.
 */
export const can = {
  createLicense: (r: Role[]) => r.includes('admin') || r.includes('sales'),
  updateLicense: (r: Role[]) => r.includes('admin') || r.includes('sales'),
  recordPurchase: (r: Role[]) => r.includes('admin') || r.includes('sales'),
  suspendOrReinstate: (r: Role[]) => r.includes('admin') || r.includes('sales'),
  terminate: (r: Role[]) => r.includes('admin'),
  scheduleDeployment: (r: Role[]) => r.includes('admin') || r.includes('sales') || r.includes('engineer'),
  runDeployment: (r: Role[]) => r.includes('admin') || r.includes('engineer'),
  reportUsage: (r: Role[]) => r.includes('admin') || r.includes('engineer'),
  acknowledgeAlert: (r: Role[]) => r.includes('admin') || r.includes('sales') || r.includes('engineer'),
  isStaff: (r: Role[]) => r.includes('admin') || r.includes('sales') || r.includes('engineer'),
  useOperations: (r: Role[]) => r.includes('admin') || r.includes('sales') || r.includes('engineer'),
  viewAudit: (r: Role[]) => r.includes('admin'),
};

/**
 * Which frame the app shows. A partner (holding no staff role) works only through the partner API:
 * the partner portal under /partner, never a staff screen or a staff request.
 */
export type Frame = 'staff' | 'partner';

export function frameFor(roles: Role[]): Frame {
  return roles.includes('partner') && !can.isStaff(roles) ? 'partner' : 'staff';
}
