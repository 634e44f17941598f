/** Settings the gateway serves at /app-config.json, so one build runs against any Keycloak. */
export interface AppConfig {
  authority: string;
  clientId: string;
  partnerScope: string;
}

/** What `npm run dev` uses when the gateway it proxies to does not answer: the local system. */
const LOCAL_DEFAULTS: AppConfig = {
  authority: 'http://localhost:8180/realms/delms',
  clientId: 'delms-web',
  partnerScope: 'partner-api',
};

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/app-config.json', { headers: { Accept: 'application/json' } });
  if (response.ok) return (await response.json()) as AppConfig;
  if (import.meta.env.DEV) return LOCAL_DEFAULTS;
  throw new Error(`app-config.json: HTTP ${response.status}`);
}
