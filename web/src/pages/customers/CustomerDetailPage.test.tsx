import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { customerApi, licenseApi, salesApi } from '../../api/clients';
import CustomerDetailPage from './CustomerDetailPage';

vi.mock('../../api/clients', () => {
  const client = () => ({ GET: vi.fn(), POST: vi.fn(), PUT: vi.fn(), DELETE: vi.fn() });
  return {
    licenseApi: client(),
    customerApi: client(),
    salesApi: client(),
    deploymentApi: client(),
    alertApi: client(),
  };
});

const session = vi.hoisted(() => ({ roles: ['admin'] as string[] }));
vi.mock('../../auth/useSession', () => ({
  useSession: () => ({
    name: 'Alice',
    username: 'alice',
    roles: session.roles,
    role: session.roles[0],
    signOut: () => {},
  }),
}));

const ID = '7d50134d-ef77-4451-bb52-23f99581a60f';
const REP = '21913a73-9e72-4d06-8c0b-81c4a45376f0';
const CUSTOMER = {
  id: ID,
  name: 'Blue Harbor Logistics',
  region: 'EMEA',
  country: 'NL',
  salesRepId: REP,
  contactEmail: 'jan@blueharbor.example.com',
  licenseCount: 1,
  version: 2,
};
const LICENSE = {
  id: 'ENT-202612-000002',
  productType: 'ENT',
  licenseType: 'SUBSCRIPTION',
  status: 'IN_USE',
  customerId: ID,
  authorizedUsers: 100,
  authorizedWorkspaces: 5,
  usage: { users: 80, workspaces: 4 },
  expiryDate: '2027-12-07',
  daysToExpiry: 365,
};

const ok = <T,>(data: T) => Promise.resolve({ data, response: new Response() }) as never;

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/customers/${ID}`]}>
        <App>
          <Routes>
            <Route path="/customers/:id" element={<CustomerDetailPage />} />
            <Route path="/customers" element={<p>customer list</p>} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  session.roles = ['admin'];
  vi.mocked(customerApi.GET).mockImplementation((() => ok(CUSTOMER)) as never);
  vi.mocked(salesApi.GET).mockImplementation((() =>
    ok({ content: [{ id: REP, name: 'Tom Becker' }], page: {} })) as never);
  vi.mocked(licenseApi.GET).mockImplementation((() =>
    ok({ content: [LICENSE], page: { number: 0, size: 10, totalElements: 1, totalPages: 1 } })) as never);
});

describe('CustomerDetailPage', () => {
  it('shows the rep by name, the licenses, and no UUID anywhere', async () => {
    const { container } = renderPage();
    expect(await screen.findByRole('link', { name: 'Tom Becker' }, { timeout: 10_000 })).toHaveAttribute(
      'href',
      `/sales-reps/${REP}`,
    );
    const licenses = screen.getByRole('region', { name: 'Licenses' });
    expect(
      await within(licenses).findByRole('link', { name: LICENSE.id }, { timeout: 10_000 }),
    ).toHaveAttribute('href', `/licenses/${LICENSE.id}`);
    expect(within(licenses).getByText('80 / 100 users · 4 / 5 workspaces')).toBeInTheDocument();
    expect(licenseApi.GET).toHaveBeenCalledWith('/api/v1/licenses', {
      params: { query: { customerId: ID, page: 0, size: 10, sort: ['id,asc'] } },
    });
    expect(container.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('shows the service’s reason, without its id, when a customer with licenses cannot be deleted', async () => {
    const user = userEvent.setup();
    vi.mocked(customerApi.DELETE).mockRejectedValueOnce(
      new ApiError(
        409,
        { status: 409, detail: `Customer ${ID} has 1 license and cannot be deleted.` },
        'customer-service',
      ),
    );
    renderPage();
    await user.click(await screen.findByRole('button', { name: /Delete/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const refused = await screen.findByTestId('customer-delete-refused');
    expect(refused).toHaveTextContent('This customer cannot be deleted');
    expect(refused).toHaveTextContent('Customer has 1 license and cannot be deleted.');
    expect(refused.textContent).not.toContain(ID);
  });

  it('offers no edit or delete to an engineer', async () => {
    session.roles = ['engineer'];
    renderPage();
    expect(await screen.findByRole('link', { name: 'Tom Becker' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument();
  });
});
