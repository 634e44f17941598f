import { useAuth } from 'react-oidc-context';
import { primaryRole, rolesOf, type Role } from './roles';

export interface SessionInfo {
  name: string;
  username: string;
  roles: Role[];
  role: Role | undefined;
  signOut: () => void;
}

/** The signed-in person: display name, roles from the access token, sign-out. */
export function useSession(): SessionInfo {
  const auth = useAuth();
  const profile = auth.user?.profile;
  const roles = rolesOf(auth.user?.access_token);
  const username = profile?.preferred_username ?? '';
  return {
    name: profile?.name ?? username,
    username,
    roles,
    role: primaryRole(roles),
    signOut: () => void auth.signoutRedirect({ id_token_hint: auth.user?.id_token }),
  };
}
