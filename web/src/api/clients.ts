import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as LicensePaths } from './schema/license-service';
import type { paths as CustomerPaths } from './schema/customer-service';
import type { paths as SalesPaths } from './schema/sales-service';
import type { paths as DeploymentPaths } from './schema/deployment-service';
import type { paths as AlertPaths } from './schema/alert-service';
import { ApiError, readProblem, type ServiceName } from './problem';
import { currentAccessToken, signInAgain } from './session';

/**
 * Sends the access token, turns every non-2xx answer into an ApiError that names the service, and
 * sends the user to sign in again on a 401 (they come back to the same page).
 */
function middleware(service: ServiceName): Middleware {
  return {
    onRequest({ request }) {
      const token = currentAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
      return request;
    },
    async onResponse({ response }) {
      if (response.ok) return response;
      const problem = await readProblem(response);
      if (response.status === 401) signInAgain();
      throw new ApiError(response.status, problem, service);
    },
  };
}

function clientFor<Paths extends object>(service: ServiceName) {
  // One origin: the gateway serves the app and routes /api to the services.
  const client = createClient<Paths>({ baseUrl: window.location.origin });
  client.use(middleware(service));
  return client;
}

export const licenseApi = clientFor<LicensePaths>('license-service');
export const customerApi = clientFor<CustomerPaths>('customer-service');
export const salesApi = clientFor<SalesPaths>('sales-service');
export const deploymentApi = clientFor<DeploymentPaths>('deployment-service');
export const alertApi = clientFor<AlertPaths>('alert-service');

/**
 * The partner API (`/api/partner/v1/...`) of a service, and nothing else: the partner portal uses
 * only these clients, so a staff path cannot even be typed there.
 */
type PartnerPaths<Paths> = {
  [Path in keyof Paths as Path extends `/api/partner/${string}` ? Path : never]: Paths[Path];
};

export const partnerLicenseApi = clientFor<PartnerPaths<LicensePaths>>('license-service');
export const partnerCustomerApi = clientFor<PartnerPaths<CustomerPaths>>('customer-service');
export const partnerAlertApi = clientFor<PartnerPaths<AlertPaths>>('alert-service');
