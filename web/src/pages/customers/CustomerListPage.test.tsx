import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { customerApi, salesApi } from '../../api/clients';
import CustomerListPage from './CustomerListPage';

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

const session = vi.hoisted(() => ({ roles: ['sales'] as string[] }));
vi.mock('../../auth/useSession', () => ({
  useSession: () => ({
    name: 'Bob',
    username: 'bob',
    roles: session.roles,
    role: session.roles[0],
    signOut: () => {},
  }),
}));

const REP = '21913a73-9e72-4d06-8c0b-81c4a45376f0';
const RESELLER = 'afa62a38-444e-4665-9256-3c21ec094157';
const CUSTOMER = {
  id: '7d50134d-ef77-4451-bb52-23f99581a60f',
  name: 'Blue Harbor Logistics',
  region: 'EMEA',
  country: 'NL',
  industry: 'Logistics',
  salesRepId: REP,
  resellerId: RESELLER,
  licenseCount: 2,
};

const ok = <T,>(data: T) => Promise.resolve({ data, response: new Response() }) as never;

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <App>
          <CustomerListPage />
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  session.roles = ['sales'];
  vi.mocked(salesApi.GET).mockImplementation(((path: string) =>
    ok({
      content:
        path === '/api/v1/sales-reps'
          ? [{ id: REP, name: 'Tom Becker' }]
          : [{ id: RESELLER, name: 'Acme Channel Partners' }],
      page: {},
    })) as never);
});

describe('CustomerListPage', () => {
  it('asks for the URL’s filters and shows rep and reseller by name', async () => {
    vi.mocked(customerApi.GET).mockImplementation((() =>
      ok({ content: [CUSTOMER], page: { number: 1, size: 20, totalElements: 21, totalPages: 2 } })) as never);
    renderAt(`/customers?region=EMEA&salesRepId=${REP}&page=2&sort=name,desc`);

    const link = await screen.findByTestId('customer-link', {}, { timeout: 10_000 });
    expect(link).toHaveTextContent('Blue Harbor Logistics');
    expect(link).toHaveAttribute('href', `/customers/${CUSTOMER.id}`);
    expect(customerApi.GET).toHaveBeenCalledWith('/api/v1/customers', {
      params: { query: { region: 'EMEA', salesRepId: REP, page: 1, size: 20, sort: ['name,desc'] } },
      signal: expect.anything(),
    });
    const row = link.closest('tr') as HTMLElement;
    expect(
      await within(row).findByRole('link', { name: 'Tom Becker' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(await within(row).findByRole('link', { name: 'Acme Channel Partners' })).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '2 licenses of Blue Harbor Logistics' })).toHaveAttribute(
      'href',
      `/licenses?customerId=${CUSTOMER.id}`,
    );
    expect(screen.getByRole('link', { name: /New customer/ })).toHaveAttribute('href', '/customers/new');
  });

  it('names the customer service when it is down, and hides "New customer" from an engineer', async () => {
    session.roles = ['engineer'];
    vi.mocked(customerApi.GET).mockRejectedValue(new ApiError(503, undefined, 'customer-service'));
    renderAt('/customers');
    expect(
      await screen.findByText('The customer service is unavailable right now', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /New customer/ })).not.toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    vi.mocked(customerApi.GET).mockImplementation((() =>
      ok({ content: [], page: { number: 0, size: 20, totalElements: 0, totalPages: 0 } })) as never);
    renderAt('/customers?q=zzz');
    expect(
      await screen.findByText('No customers match these filters', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  });
});
