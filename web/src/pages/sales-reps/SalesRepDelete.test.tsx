import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { salesApi } from '../../api/clients';
import SalesRepDetailPage from './SalesRepDetailPage';
import ResellerDetailPage from '../resellers/ResellerDetailPage';

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

const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ID = '21913a73-9e72-4d06-8c0b-81c4a45376f0';
const REP = {
  id: ID,
  name: 'Tom Becker',
  email: 'tom@demo.example.com',
  region: 'EMEA',
  active: true,
  version: 7,
};
const RESELLER = {
  id: ID,
  name: 'Nordic Partners',
  code: 'nordic',
  contactEmail: 'sales@nordic.example.com',
  region: 'EMEA',
  tier: 'GOLD',
  active: true,
  version: 2,
};

const ok = <T,>(data: T, status = 200) =>
  Promise.resolve({ data, response: new Response(null, { status }) }) as never;
const empty = { content: [], page: { number: 0, size: 10, totalElements: 0, totalPages: 0 }, totals: {} };

function renderAt(path: string, route: string, ui: React.ReactNode, list: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <App>
          <Routes>
            <Route path={route} element={ui} />
            <Route path={list} element={<p>The list</p>} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

let reseller: Record<string, unknown> = RESELLER;

beforeEach(() => {
  vi.clearAllMocks();
  reseller = RESELLER;
  session.roles = ['admin'];
  vi.mocked(salesApi.GET).mockImplementation(((path: string) => {
    if (path === '/api/v1/sales-reps/{id}') return ok(REP);
    if (path === '/api/v1/resellers/{id}') return ok(reseller);
    return ok(empty);
  }) as never);
});

describe('deleting a sales rep or a reseller', () => {
  it('shows the service’s reason, without ids, and suggests deactivating when a rep is refused', async () => {
    const user = userEvent.setup();
    vi.mocked(salesApi.DELETE).mockRejectedValueOnce(
      new ApiError(
        409,
        { status: 409, title: 'Conflict', detail: `Sales rep ${ID} is still named by 3 customers.` },
        'sales-service',
      ),
    );
    renderAt(`/sales-reps/${ID}`, '/sales-reps/:id', <SalesRepDetailPage />, '/sales-reps');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete Tom Becker?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const refused = await screen.findByTestId('sales-rep-delete-failed');
    expect(refused).toHaveTextContent('This sales rep cannot be deleted');
    expect(refused).toHaveTextContent('Sales rep is still named by 3 customers.');
    expect(refused).toHaveTextContent('Deactivate the sales rep instead');
    expect(refused.textContent).not.toMatch(UUID_TEXT);
  });

  it('stays on a reseller the service kept and deactivated instead, and goes to the list after a delete', async () => {
    const user = userEvent.setup();
    vi.mocked(salesApi.DELETE).mockImplementationOnce((() => {
      reseller = { ...RESELLER, active: false, version: 3 };
      return ok(reseller);
    }) as never);
    const view = renderAt(`/resellers/${ID}`, '/resellers/:id', <ResellerDetailPage />, '/resellers');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/still referred to: kept and deactivated instead/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /Reactivate/ })).toBeInTheDocument();
    expect(screen.queryByText('The list')).not.toBeInTheDocument();
    view.unmount();
    reseller = RESELLER;

    vi.mocked(salesApi.DELETE).mockReturnValueOnce(ok(undefined, 204));
    renderAt(`/resellers/${ID}`, '/resellers/:id', <ResellerDetailPage />, '/resellers');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The list')).toBeInTheDocument();
  });

  it('offers no delete to sales', async () => {
    session.roles = ['sales'];
    renderAt(`/sales-reps/${ID}`, '/sales-reps/:id', <SalesRepDetailPage />, '/sales-reps');
    expect(await screen.findByText('tom@demo.example.com')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });
});
