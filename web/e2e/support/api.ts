import { APP_URL, KEYCLOAK_URL } from './browser';

const tokens = new Map<string, { token: string; until: number }>();

/** An access token for a demo user through the scripts' client (password grant). */
export async function tokenFor(user: string): Promise<string> {
  const cached = tokens.get(user);
  if (cached && cached.until > Date.now()) return cached.token;
  const response = await fetch(`${KEYCLOAK_URL}/realms/delms/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'delms-cli',
      username: user,
      password: user,
    }),
  });
  if (!response.ok) throw new Error(`token for ${user}: HTTP ${response.status}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  tokens.set(user, { token: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 });
  return body.access_token;
}

/** GET through the gateway as a demo user; fails on any non-2xx. */
export async function apiGet<T>(user: string, path: string): Promise<T> {
  const response = await fetch(APP_URL + path, {
    headers: { Authorization: `Bearer ${await tokenFor(user)}`, Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** POST a JSON body through the gateway as a demo user; returns the created resource. */
export async function apiPost<T>(user: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(APP_URL + path, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await tokenFor(user)}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
