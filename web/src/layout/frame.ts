import type { Frame } from '../auth/roles';

/** Where a partner lands: their licenses. */
export const PARTNER_HOME = '/partner/licenses';

function isUnder(pathname: string, root: string): boolean {
  return pathname === root || pathname.startsWith(`${root}/`);
}

/** Staff screens with a partner counterpart: a shared staff link opens the partner's own view. */
const PARTNER_COUNTERPARTS: { staff: RegExp; partner: (match: RegExpExecArray) => string }[] = [
  { staff: /^\/licenses\/([^/]+)\/?$/, partner: (m) => `/partner/licenses/${m[1]}` },
  { staff: /^\/customers\/([^/]+)\/?$/, partner: (m) => `/partner/customers/${m[1]}` },
  { staff: /^\/licenses\/?$/, partner: () => '/partner/licenses' },
  { staff: /^\/customers\/?$/, partner: () => '/partner/customers' },
  { staff: /^\/alerts\/?$/, partner: () => '/partner/alerts' },
];

/**
 * Where the frame sends a path that is not its own, or undefined when the path belongs to it: a
 * partner never stays on a staff screen (no staff page mounts, so no staff request is sent), and
 * staff do not open the partner portal (their token has no partner scope).
 */
export function frameRedirect(frame: Frame, pathname: string): string | undefined {
  if (frame === 'partner') {
    if (pathname === '/partner' || pathname === '/partner/') return PARTNER_HOME;
    if (isUnder(pathname, '/partner')) return undefined;
    for (const { staff, partner } of PARTNER_COUNTERPARTS) {
      const match = staff.exec(pathname);
      if (match) return partner(match);
    }
    return PARTNER_HOME;
  }
  return isUnder(pathname, '/partner') ? '/' : undefined;
}
