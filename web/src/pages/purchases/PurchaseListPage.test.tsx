import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { salesApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import PurchaseDetailPage from './PurchaseDetailPage';
import PurchaseListPage from './PurchaseListPage';

vi.mock('../../api/clients', () => {
  const client = () => ({ GET: vi.fn(), POST: vi.fn(), PUT: vi.fn() });
  return {
    licenseApi: client(),
    customerApi: client(),
    salesApi: client(),
    deploymentApi: client(),
    alertApi: client(),
  };
});
vi.mock('../../auth/useSession', () => ({
  useSession: () => ({
    name: 'Bob',
    username: 'bob',
    roles: ['sales'],
    role: 'sales',
    signOut: () => undefined,
  }),
}));

const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const REP = 'cc39b4ed-b78b-43f8-92cf-31230e58700d';
const RESELLER = 'afa62a38-444e-4665-9256-3c21ec094157';
const PURCHASE = {
  id: 'f0e1d2c3-b4a5-4697-8877-665544332211',
  licenseId: 'ENT-202612-000001',
  type: 'RENEWAL',
  purchaseDate: '2026-12-01',
  amount: 12000,
  currency: 'EUR',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  salesRepId: REP,
  resellerId: RESELLER,
};

const get = vi.mocked(salesApi.GET);
const ok = <T,>(data: T) => Promise.resolve({ data, response: new Response() }) as never;
const page = <T,>(content: T[]) => ({
  content,
  page: { number: 0, size: 20, totalElements: content.length, totalPages: 1 },
});

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <App>
          <Routes>
            <Route path="/purchases" element={<PurchaseListPage />} />
            <Route path="/purchases/:id" element={<PurchaseDetailPage />} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => vi.clearAllMocks());

describe('PurchaseListPage', () => {
  it('asks the API for the URL’s filters and shows reps and resellers by name', async () => {
    get.mockImplementation(((path: string) => {
      if (path === '/api/v1/purchases') return ok(page([PURCHASE]));
      if (path === '/api/v1/sales-reps') return ok(page([{ id: REP, name: 'Mia Chen' }]));
      if (path === '/api/v1/resellers') return ok(page([{ id: RESELLER, name: 'Nordic Partners' }]));
      return ok(page([]));
    }) as never);
    renderAt('/purchases?type=RENEWAL&from=2026-01-01&page=1');

    const license = await screen.findByTestId('license-link');
    expect(license).toHaveAttribute('href', '/licenses/ENT-202612-000001');
    expect(screen.getByTestId('purchase-link')).toHaveAttribute('href', `/purchases/${PURCHASE.id}`);
    const row = license.closest('tr') as HTMLElement;
    expect(await within(row).findByRole('link', { name: 'Mia Chen' })).toHaveAttribute(
      'href',
      `/sales-reps/${REP}`,
    );
    expect(within(row).getByRole('link', { name: 'Nordic Partners' })).toBeInTheDocument();
    expect(within(row).getByTestId('purchase-amount').textContent).toMatch(/12,000/);
    expect(get).toHaveBeenCalledWith('/api/v1/purchases', {
      params: {
        query: {
          type: 'RENEWAL',
          from: '2026-01-01',
          page: 0,
          size: 20,
          sort: ['purchaseDate,desc', 'createdAt,desc'],
        },
      },
    });
    expect(screen.getByRole('link', { name: 'Record purchase' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(UUID_TEXT);
  });

  it('names the sales service when it is down', async () => {
    get.mockImplementation((() => Promise.reject(new ApiError(503, undefined, 'sales-service'))) as never);
    renderAt('/purchases');
    expect(await screen.findByText('The sales service is unavailable right now')).toBeInTheDocument();
  });
});

describe('PurchaseDetailPage', () => {
  it('shows every field with names and links, never an id', async () => {
    get.mockImplementation(((path: string) => {
      if (path === '/api/v1/purchases/{id}')
        return ok({
          ...PURCHASE,
          orderReference: 'PO-7781',
          createdAt: '2026-12-01T10:00:00Z',
          createdBy: 'bob',
        });
      if (path === '/api/v1/sales-reps') return ok(page([{ id: REP, name: 'Mia Chen' }]));
      if (path === '/api/v1/resellers') return ok(page([{ id: RESELLER, name: 'Nordic Partners' }]));
      return ok(page([]));
    }) as never);
    renderAt(`/purchases/${PURCHASE.id}`);

    const section = await screen.findByTestId('section-purchase');
    expect(await within(section).findByRole('link', { name: 'Mia Chen' })).toHaveAttribute(
      'href',
      `/sales-reps/${REP}`,
    );
    expect(within(section).getByRole('link', { name: 'Nordic Partners' })).toHaveAttribute(
      'href',
      `/resellers/${RESELLER}`,
    );
    expect(within(section).getByTestId('license-link')).toHaveAttribute(
      'href',
      '/licenses/ENT-202612-000001',
    );
    expect(within(section).getByText('PO-7781')).toBeInTheDocument();
    expect(screen.getAllByText(/Renewal of ENT-202612-000001 on/).length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(UUID_TEXT);
  });

  it('says a purchase does not exist', async () => {
    get.mockImplementation((() =>
      Promise.reject(new ApiError(404, { status: 404 }, 'sales-service'))) as never);
    renderAt(`/purchases/${PURCHASE.id}`);
    expect(await screen.findByText('This purchase does not exist')).toBeInTheDocument();
  });
});
