import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { salesApi } from '../../api/clients';
import SalesRepDetailPage from './SalesRepDetailPage';

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
vi.mock('./SalesFiguresChart', () => ({ default: () => <div data-testid="sales-chart" /> }));

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

const ID = '21913a73-9e72-4d06-8c0b-81c4a45376f0';
const REP = {
  id: ID,
  name: 'Tom Becker',
  email: 'tom.becker@demo.example.com',
  region: 'EMEA',
  active: true,
  version: 7,
};

const ok = <T,>(data: T) => Promise.resolve({ data, response: new Response() }) as never;

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/sales-reps/${ID}`]}>
        <App>
          <Routes>
            <Route path="/sales-reps/:id" element={<SalesRepDetailPage />} />
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
    path === '/api/v1/sales-reps/{id}' ? ok(REP) : ok({ totals: { purchaseCount: 0 } })) as never);
});

describe('SalesRepDetailPage', () => {
  it('deactivates the rep after confirmation, sending the full rep with active=false and its version as If-Match', async () => {
    const user = userEvent.setup();
    vi.mocked(salesApi.PUT).mockImplementationOnce((() =>
      ok({ ...REP, active: false, version: 8 })) as never);
    renderPage();

    await user.click(await screen.findByRole('button', { name: /Deactivate/ }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleName('Deactivate Tom Becker?');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(
      await screen.findByRole('button', { name: /Reactivate/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(salesApi.PUT).toHaveBeenCalledWith('/api/v1/sales-reps/{id}', {
      params: { path: { id: ID }, header: { 'If-Match': '"7"' } },
      body: {
        name: 'Tom Becker',
        email: 'tom.becker@demo.example.com',
        region: 'EMEA',
        active: false,
        version: 7,
      },
    });
    expect(screen.getByTestId('rep-stat-newLicenses')).toHaveTextContent(/^0$/);
  });

  it('says someone else changed the rep (412) and offers to reload it', async () => {
    const user = userEvent.setup();
    vi.mocked(salesApi.PUT).mockRejectedValueOnce(new ApiError(412, { status: 412 }, 'sales-service'));
    renderPage();
    await user.click(await screen.findByRole('button', { name: /Deactivate/ }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(
      await screen.findByText('Someone else changed this in the meantime', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const repReads = () =>
      (vi.mocked(salesApi.GET).mock.calls as unknown as [string][]).filter(
        ([p]) => p === '/api/v1/sales-reps/{id}',
      ).length;
    const before = repReads();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await vi.waitFor(() => expect(repReads()).toBeGreaterThan(before));
  });

  it('shows the rep to sales without edit or deactivate', async () => {
    session.roles = ['sales'];
    renderPage();
    expect(
      await screen.findByRole('region', { name: 'Performance' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(await screen.findAllByText('Tom Becker')).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Deactivate/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
  });
});
