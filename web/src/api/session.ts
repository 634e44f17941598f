/**
 * The bridge between the sign-in state (React) and the API clients (plain modules): the auth
 * layer registers how to read the current access token and what to do on a 401.
 */
interface Session {
  accessToken: () => string | undefined;
  onUnauthorized: () => void;
}

let session: Session = { accessToken: () => undefined, onUnauthorized: () => undefined };

export function bindSession(next: Session): void {
  session = next;
}

export function currentAccessToken(): string | undefined {
  return session.accessToken();
}

export function signInAgain(): void {
  session.onUnauthorized();
}
