import { useEffect, useMemo, type ReactNode } from 'react';
import { AuthProvider, useAuth, type AuthProviderProps } from 'react-oidc-context';
import { WebStorageStateStore, type User } from 'oidc-client-ts';
import type { AppConfig } from '../config';
import { bindSession } from '../api/session';
import { FullPageMessage } from '../components/FullPageMessage';
import { t } from '../i18n';

/** Where the user was when sign-in started; restored after Keycloak sends them back. */
interface SignInState {
  returnTo?: string;
}

export const CALLBACK_PATH = '/auth/callback';

function currentPath(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

/**
 * The scopes the app asks for. The partner scope is always requested: Keycloak grants it (an
 * optional scope of the client) only to holders of the partner role, so staff simply do not get it.
 */
export function scopesFor(config: Pick<AppConfig, 'partnerScope'>): string {
  return ['openid', 'profile', 'email', config.partnerScope?.trim()].filter(Boolean).join(' ');
}

/** Authorization code + PKCE (S256) with Keycloak; tokens renewed silently with the refresh token. */
export function AuthSetup({ config, children }: { config: AppConfig; children: ReactNode }) {
  const settings = useMemo<AuthProviderProps>(
    () => ({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: window.location.origin + CALLBACK_PATH,
      post_logout_redirect_uri: window.location.origin + '/',
      scope: scopesFor(config),
      response_type: 'code',
      automaticSilentRenew: true,
      // Per tab: a shared machine's next user does not inherit a session from another tab.
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      onSigninCallback: (user: User | void) => {
        const returnTo = (user?.state as SignInState | undefined)?.returnTo;
        window.history.replaceState({}, document.title, returnTo?.startsWith('/') ? returnTo : '/');
      },
    }),
    [config],
  );
  return (
    <AuthProvider {...settings}>
      <RequireSignIn>{children}</RequireSignIn>
    </AuthProvider>
  );
}

/** Renders the app once signed in; otherwise sends the user to Keycloak and back here. */
function RequireSignIn({ children }: { children: ReactNode }) {
  const auth = useAuth();

  useEffect(() => {
    bindSession({
      accessToken: () => auth.user?.access_token,
      onUnauthorized: () => {
        void auth.signinRedirect({ state: { returnTo: currentPath() } satisfies SignInState });
      },
    });
  }, [auth]);

  const mustSignIn = !auth.isLoading && !auth.isAuthenticated && !auth.activeNavigator && !auth.error;
  useEffect(() => {
    if (mustSignIn) {
      const returnTo = window.location.pathname === CALLBACK_PATH ? '/' : currentPath();
      void auth.signinRedirect({ state: { returnTo } satisfies SignInState });
    }
  }, [mustSignIn, auth]);

  if (auth.error) {
    return (
      <FullPageMessage
        status="error"
        title={t('auth.failed')}
        detail={auth.error.message}
        action={{
          label: t('auth.signInAgain'),
          onClick: () => void auth.signinRedirect({ state: { returnTo: '/' } }),
        }}
      />
    );
  }
  if (!auth.isAuthenticated) return <FullPageMessage status="loading" title={t('auth.signingIn')} />;
  return <>{children}</>;
}
