import type { ReactNode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { licenseApi, customerApi, deploymentApi } from '../../api/clients';
import { UsageForm } from './UsageForm';
import { CreateLicenseForm } from './CreateLicenseForm';
import { DeploymentBoard } from './DeploymentBoard';

// antd forms in jsdom are slow on a busy machine: typing and validation take seconds.

vi.mock('../../api/clients', () => {
  const client = () => ({ GET: vi.fn(), POST: vi.fn() });
  return {
    licenseApi: client(),
    customerApi: client(),
    salesApi: client(),
    deploymentApi: client(),
    alertApi: client(),
  };
});

const LICENSE = {
  id: 'ENT-202612-000002',
  productType: 'ENT',
  licenseType: 'SUBSCRIPTION',
  status: 'CREATED',
  customerId: '7d50134d-ef77-4451-bb52-23f99581a60f',
  authorizedWorkspaces: 10,
  authorizedUsers: 200,
  expiryDate: '2027-12-07',
  daysToExpiry: 365,
  version: 0,
} as const;

const CUSTOMER = {
  id: '7d50134d-ef77-4451-bb52-23f99581a60f',
  name: 'Blue Harbor Logistics',
  salesRepId: '21913a73-9e72-4d06-8c0b-81c4a45376f0',
  resellerId: 'afa62a38-444e-4665-9256-3c21ec094157',
};

const licenseGet = vi.mocked(licenseApi.GET);
const licensePost = vi.mocked(licenseApi.POST);
const customerGet = vi.mocked(customerApi.GET);
const deploymentGet = vi.mocked(deploymentApi.GET);
const deploymentPost = vi.mocked(deploymentApi.POST);

function ok<T>(data: T) {
  return Promise.resolve({ data, response: new Response() }) as never;
}

function renderWith(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <App>{ui}</App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  licenseGet.mockImplementation(((path: string) =>
    path === '/api/v1/licenses/{id}'
      ? ok(LICENSE)
      : ok({ content: [LICENSE], page: { number: 0, size: 20, totalElements: 1, totalPages: 1 } })) as never);
  customerGet.mockImplementation((() => ok({ content: [CUSTOMER], page: {} })) as never);
});

const noop = () => undefined;

describe('UsageForm', () => {
  it('shows a server field error beside its field and the unknown ones in an alert', async () => {
    const user = userEvent.setup();
    licensePost.mockRejectedValueOnce(
      new ApiError(
        400,
        {
          status: 400,
          type: 'urn:delms:problem:validation',
          detail: 'The request is not valid.',
          errors: [
            { field: 'workspaces', message: 'must be greater than or equal to 0' },
            { field: 'reportedBy', message: 'is not allowed' },
          ],
        },
        'license-service',
      ),
    );
    renderWith(<UsageForm roles={['engineer']} licenseId={LICENSE.id} onLicensePick={noop} />);

    await user.type(screen.getByLabelText('Workspaces in use'), '3');
    await user.type(screen.getByLabelText('Users in use'), '40');
    await user.click(screen.getByRole('button', { name: 'Report usage' }));

    const message = await screen.findByText('Must be greater than or equal to 0');
    const item = message.closest('.ant-form-item');
    expect(item).not.toBeNull();
    expect(within(item as HTMLElement).getByLabelText('Workspaces in use')).toBeInTheDocument();
    const alert = screen.getByText('Some values need attention').closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByText('reportedBy: is not allowed')).toBeInTheDocument();

    expect(licensePost).toHaveBeenCalledWith('/api/v1/licenses/{id}/usage', {
      params: { path: { id: LICENSE.id } },
      body: { workspaces: 3, users: 40, reportedAt: undefined },
    });
  });

  it('offers a reload on a conflict that refetches the license and keeps what was typed', async () => {
    const user = userEvent.setup();
    licensePost.mockRejectedValueOnce(
      new ApiError(
        409,
        { status: 409, detail: 'License ENT-202612-000002 is TERMINATED.' },
        'license-service',
      ),
    );
    renderWith(<UsageForm roles={['engineer']} licenseId={LICENSE.id} onLicensePick={noop} />);

    await user.type(screen.getByLabelText('Workspaces in use'), '3');
    await user.type(screen.getByLabelText('Users in use'), '40');
    await user.click(screen.getByRole('button', { name: 'Report usage' }));

    expect(await screen.findByText('License ENT-202612-000002 is TERMINATED.')).toBeInTheDocument();
    const detailCalls = () =>
      (licenseGet.mock.calls as unknown as [string][]).filter(([path]) => path === '/api/v1/licenses/{id}')
        .length;
    const before = detailCalls();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(detailCalls()).toBeGreaterThan(before));
    expect(screen.getByLabelText('Workspaces in use')).toHaveValue('3');
    expect(screen.getByLabelText('Users in use')).toHaveValue('40');
  });

  it('names the service that is down', async () => {
    const user = userEvent.setup();
    licensePost.mockRejectedValueOnce(new ApiError(503, undefined, 'license-service'));
    renderWith(<UsageForm roles={['engineer']} licenseId={LICENSE.id} onLicensePick={noop} />);
    await user.type(screen.getByLabelText('Workspaces in use'), '1');
    await user.type(screen.getByLabelText('Users in use'), '1');
    await user.click(screen.getByRole('button', { name: 'Report usage' }));
    expect(await screen.findByText('The license service is unavailable right now')).toBeInTheDocument();
  });
});

describe('CreateLicenseForm', () => {
  async function fillAndSubmit(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByLabelText('Customer'));
    await user.type(screen.getByLabelText('Customer'), 'Blue');
    await user.click((await screen.findAllByTitle('Blue Harbor Logistics'))[0]);
    await user.type(screen.getByLabelText('Authorized workspaces'), '5');
    await user.type(screen.getByLabelText('Authorized users'), '50');
    await user.click(screen.getByRole('button', { name: 'Create license' }));
  }

  it('sends the customer’s sales rep and reseller with an Idempotency-Key and shows the generated License ID', async () => {
    const user = userEvent.setup();
    licensePost.mockImplementationOnce((() => ok({ ...LICENSE, id: 'ENT-202612-000099' })) as never);
    renderWith(<CreateLicenseForm />);
    await fillAndSubmit(user);

    expect(await screen.findByTestId('created-license-id')).toHaveTextContent(/^ENT-202612-000099$/);
    expect(screen.getByRole('link', { name: 'Open license ENT-202612-000099' })).toHaveAttribute(
      'href',
      '/licenses/ENT-202612-000099',
    );
    const [path, options] = licensePost.mock.calls[0] as unknown as [
      string,
      { body: Record<string, unknown>; headers: Record<string, string> },
    ];
    expect(path).toBe('/api/v1/licenses');
    expect(options.body).toMatchObject({
      customerId: CUSTOMER.id,
      salesRepId: CUSTOMER.salesRepId,
      resellerId: CUSTOMER.resellerId,
      productType: 'ENT',
      licenseType: 'SUBSCRIPTION',
      authorizedWorkspaces: 5,
      authorizedUsers: 50,
    });
    expect(options.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the Idempotency-Key when the same form is submitted again after a failure', async () => {
    const user = userEvent.setup();
    licensePost.mockRejectedValueOnce(new ApiError(504, undefined, 'gateway'));
    renderWith(<CreateLicenseForm />);
    await fillAndSubmit(user);
    expect(await screen.findByText('The gateway is unavailable right now')).toBeInTheDocument();

    licensePost.mockImplementationOnce((() => ok({ ...LICENSE, id: 'ENT-202612-000100' })) as never);
    await user.click(screen.getByRole('button', { name: 'Create license' }));
    await screen.findByTestId('created-license-id');
    const keys = licensePost.mock.calls.map(
      (call) => (call[1] as unknown as { headers: Record<string, string> }).headers['Idempotency-Key'],
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('puts a 422 unknown customer beside the customer picker', async () => {
    const user = userEvent.setup();
    licensePost.mockRejectedValueOnce(
      new ApiError(
        422,
        { status: 422, errors: [{ field: 'customerId', message: 'is not a known customer' }] },
        'license-service',
      ),
    );
    renderWith(<CreateLicenseForm />);
    await fillAndSubmit(user);
    const message = await screen.findByText('Is not a known customer');
    expect(
      within(message.closest('.ant-form-item') as HTMLElement).getByLabelText('Customer'),
    ).toBeInTheDocument();
  });
});

describe('DeploymentBoard', () => {
  const scheduled = {
    id: '95396bf7-e0e9-4318-800c-371849c97af9',
    licenseId: LICENSE.id,
    engineerName: 'Lena Vogel',
    status: 'SCHEDULED',
    scheduledDate: '2026-12-21',
    environment: 'PRIVATE_CLOUD',
    productVersion: '3.2.1',
    version: 4,
  } as const;

  it('starts a deployment after confirmation, sending its version as If-Match', async () => {
    const user = userEvent.setup();
    let current: object = scheduled;
    deploymentGet.mockImplementation((() => ok({ content: [current], page: {} })) as never);
    deploymentPost.mockImplementationOnce((() => {
      current = { ...scheduled, status: 'IN_PROGRESS', version: 5 };
      return ok(current);
    }) as never);
    renderWith(<DeploymentBoard licenseId={LICENSE.id} canRun email={undefined} />);

    await user.click(await screen.findByRole('button', { name: 'Start' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`Start the deployment of ${LICENSE.id}?`)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(deploymentPost).toHaveBeenCalledWith('/api/v1/deployments/{id}/transitions', {
        params: { path: { id: scheduled.id }, header: { 'If-Match': '"4"' } },
        body: { to: 'IN_PROGRESS', reason: undefined, note: undefined },
      }),
    );
    expect(await screen.findByRole('button', { name: 'Complete' })).toBeInTheDocument();
  });

  it('keeps the dialog and the note on a 412, with a Reload', async () => {
    const user = userEvent.setup();
    deploymentGet.mockImplementation((() => ok({ content: [scheduled], page: {} })) as never);
    deploymentPost.mockRejectedValueOnce(new ApiError(412, { status: 412 }, 'deployment-service'));
    renderWith(<DeploymentBoard licenseId={LICENSE.id} canRun email={undefined} />);

    await user.click(await screen.findByRole('button', { name: 'Start' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'on site');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    expect(await within(dialog).findByText('Someone else changed this in the meantime')).toBeInTheDocument();
    const before = deploymentGet.mock.calls.length;
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(deploymentGet.mock.calls.length).toBeGreaterThan(before));
    expect(within(dialog).getByLabelText('Note (optional)')).toHaveValue('on site');
  });

  it('shows the deployments without buttons to a role that cannot run them', async () => {
    deploymentGet.mockImplementation((() => ok({ content: [scheduled], page: {} })) as never);
    renderWith(<DeploymentBoard licenseId={LICENSE.id} canRun={false} email={undefined} />);
    expect(await screen.findByText('Lena Vogel')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
  });
});
