import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { partnerCustomerApi, partnerLicenseApi } from '../../api/clients';
import { PartnerUsageForm } from './PartnerUsageForm';

// antd forms in jsdom are slow on a busy machine: typing and validation take seconds.

vi.mock('../../api/clients', () => {
  const client = () => ({ GET: vi.fn(), POST: vi.fn() });
  return {
    partnerLicenseApi: client(),
    partnerCustomerApi: client(),
    partnerAlertApi: client(),
  };
});

const CUSTOMER = { id: '7d50134d-ef77-4451-bb52-23f99581a60f', name: 'Blue Harbor Logistics' };
const LICENSE = {
  id: 'ENT-202612-000002',
  productType: 'ENT',
  licenseType: 'SUBSCRIPTION',
  status: 'IN_USE',
  customerId: CUSTOMER.id,
  authorizedWorkspaces: 10,
  authorizedUsers: 200,
  expiryDate: '2027-12-07',
  daysToExpiry: 365,
} as const;

const licenseGet = vi.mocked(partnerLicenseApi.GET);
const licensePost = vi.mocked(partnerLicenseApi.POST);
const customerGet = vi.mocked(partnerCustomerApi.GET);

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
    path === '/api/partner/v1/licenses/{id}'
      ? ok(LICENSE)
      : ok({ content: [LICENSE], page: { number: 0, size: 20, totalElements: 1, totalPages: 1 } })) as never);
  customerGet.mockImplementation((() =>
    ok({ content: [CUSTOMER], page: { number: 0, size: 200, totalElements: 1, totalPages: 1 } })) as never);
});

describe('PartnerUsageForm', () => {
  it('shows a server field error beside its field, and sends the report through the partner API', async () => {
    const user = userEvent.setup();
    licensePost.mockRejectedValueOnce(
      new ApiError(
        400,
        {
          status: 400,
          type: 'urn:delms:problem:validation',
          detail: 'The request is not valid.',
          errors: [{ field: 'users', message: 'must be less than or equal to 1000000' }],
        },
        'license-service',
      ),
    );
    renderWith(<PartnerUsageForm licenseId={LICENSE.id} />);

    // The license is named with its customer, never by the customer's id.
    expect(await screen.findByText('Blue Harbor Logistics')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Workspaces in use'), '3');
    await user.type(screen.getByLabelText('Users in use'), '40');
    await user.click(screen.getByRole('button', { name: 'Report usage' }));

    const message = await screen.findByText('Must be less than or equal to 1000000');
    const item = message.closest('.ant-form-item') as HTMLElement;
    expect(within(item).getByLabelText('Users in use')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Some values need attention');

    const [path, options] = licensePost.mock.calls[0] as unknown as [
      string,
      { params: { path: { id: string } }; body: object; headers: Record<string, string> },
    ];
    expect(path).toBe('/api/partner/v1/licenses/{id}/usage');
    expect(options.params.path.id).toBe(LICENSE.id);
    expect(options.body).toEqual({ workspaces: 3, users: 40, reportedAt: undefined });
    expect(options.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.queryByText(CUSTOMER.id)).not.toBeInTheDocument();
  });

  it('says so when the license is not one of the reseller’s (404)', async () => {
    const user = userEvent.setup();
    licensePost.mockRejectedValueOnce(
      new ApiError(404, { status: 404, title: 'Not Found' }, 'license-service'),
    );
    renderWith(<PartnerUsageForm licenseId={LICENSE.id} />);
    await user.type(screen.getByLabelText('Workspaces in use'), '1');
    await user.type(screen.getByLabelText('Users in use'), '1');
    await user.click(screen.getByRole('button', { name: 'Report usage' }));
    expect(await screen.findByText('Not found')).toBeInTheDocument();
  });
});
