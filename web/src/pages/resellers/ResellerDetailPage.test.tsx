import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { customerApi, licenseApi, salesApi } from '../../api/clients';
import ResellerDetailPage from './ResellerDetailPage';

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
vi.mock('../sales-reps/SalesFiguresChart', () => ({ default: () => <div data-testid="sales-chart" /> }));

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

const ID = 'afa62a38-444e-4665-9256-3c21ec094157';
const RESELLER = {
  id: ID,
  code: 'acme',
  name: 'Acme Channel Partners',
  region: 'EMEA',
  tier: 'GOLD',
  contactEmail: 'partners@acme.example.com',
  active: true,
  version: 1,
};
const CUSTOMER_ID = '7d50134d-ef77-4451-bb52-23f99581a60f';

const ok = <T,>(data: T) => Promise.resolve({ data, response: new Response() }) as never;

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/resellers/${ID}`]}>
        <App>
          <Routes>
            <Route path="/resellers/:id" element={<ResellerDetailPage />} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  session.roles = ['admin'];
  vi.mocked(salesApi.GET).mockImplementation(((path: string) =>
    path === '/api/v1/resellers/{id}'
      ? ok(RESELLER)
      : ok({
          totals: { revenue: { EUR: 100 }, purchases: { NEW: 1 }, purchaseCount: 1, newLicenses: 1 },
        })) as never);
  vi.mocked(licenseApi.GET).mockImplementation((() =>
    ok({
      content: [{ id: 'ENT-202612-000001', status: 'IN_USE', customerId: CUSTOMER_ID, resellerId: ID }],
      page: { totalElements: 1, totalPages: 1 },
    })) as never);
});

describe('ResellerDetailPage', () => {
  it('keeps every other section working when the customer service is down', async () => {
    vi.mocked(customerApi.GET).mockRejectedValue(new ApiError(503, undefined, 'customer-service'));
    renderPage();

    const customers = await screen.findByRole('region', { name: 'Customers' }, { timeout: 10_000 });
    expect(
      await within(customers).findByText(
        'The customer service is unavailable right now',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const licenses = screen.getByRole('region', { name: 'Licenses' });
    expect(await within(licenses).findByRole('link', { name: 'ENT-202612-000001' })).toBeInTheDocument();
    // The license's customer cannot be named while customer-service is down; never its id.
    expect(within(licenses).getByText('Name unavailable')).toBeInTheDocument();
    expect(await screen.findByTestId('reseller-stat-revenue-EUR')).toHaveTextContent(/^100$/);
    expect(salesApi.GET).toHaveBeenCalledWith('/api/v1/stats/sales', {
      params: { query: expect.objectContaining({ resellerId: ID }) },
      signal: expect.anything(),
    });
    expect(screen.getByRole('button', { name: /Deactivate/ })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(ID);
  });

  it('shows no edit or deactivate to sales', async () => {
    session.roles = ['sales'];
    vi.mocked(customerApi.GET).mockImplementation((() =>
      ok({ content: [], page: { totalElements: 0 } })) as never);
    renderPage();
    expect(
      await screen.findByText('This reseller has no customers yet.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Deactivate/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
  });
});
