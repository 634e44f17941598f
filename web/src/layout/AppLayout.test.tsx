import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import type { Role } from '../auth/roles';
import { App } from '../App';
import {
  alertApi,
  customerApi,
  deploymentApi,
  licenseApi,
  partnerAlertApi,
  partnerCustomerApi,
  partnerLicenseApi,
  salesApi,
} from '../api/clients';

const session = vi.hoisted(() => ({ roles: [] as Role[], signOut: vi.fn() }));

vi.mock('../auth/useSession', () => ({
  useSession: () => ({
    name: 'Paul Partner',
    username: 'paul',
    roles: session.roles,
    role: session.roles[0],
    signOut: session.signOut,
  }),
}));

vi.mock('../api/clients', () => {
  const emptyPage = { content: [], page: { number: 0, size: 20, totalElements: 0, totalPages: 0 } };
  const client = () => ({
    GET: vi.fn(() => Promise.resolve({ data: emptyPage, response: new Response() })),
    POST: vi.fn(),
  });
  return {
    licenseApi: client(),
    customerApi: client(),
    salesApi: client(),
    deploymentApi: client(),
    alertApi: client(),
    partnerLicenseApi: client(),
    partnerCustomerApi: client(),
    partnerAlertApi: client(),
  };
});

const staffClients = [licenseApi, customerApi, salesApi, deploymentApi, alertApi];
const partnerClients = [partnerLicenseApi, partnerCustomerApi, partnerAlertApi];
const calls = (clients: { GET: unknown }[]) =>
  clients.reduce((sum, client) => sum + vi.mocked(client.GET as () => unknown).mock.calls.length, 0);

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

function renderAt(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AntdApp>
          <App />
          <Where />
        </AntdApp>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => vi.clearAllMocks());

describe('the partner frame', () => {
  beforeEach(() => {
    session.roles = ['partner'];
  });

  it('sends a partner from the dashboard to their licenses without a single staff request', async () => {
    renderAt('/');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/partner/licenses'));
    await waitFor(() =>
      expect(partnerLicenseApi.GET).toHaveBeenCalledWith('/api/partner/v1/licenses', expect.anything()),
    );
    expect(screen.getByRole('link', { name: 'Report usage' })).toHaveAttribute('href', '/partner/usage');
    expect(screen.queryByTestId('global-search')).not.toBeInTheDocument();
    expect(screen.queryByTestId('open-alerts-badge')).not.toBeInTheDocument();
    expect(calls(staffClients)).toBe(0);
  });

  it('opens the partner view of a shared staff license link', async () => {
    renderAt('/licenses/ENT-202612-000001');
    await waitFor(() =>
      expect(screen.getByTestId('where')).toHaveTextContent('/partner/licenses/ENT-202612-000001'),
    );
    await waitFor(() =>
      expect(partnerLicenseApi.GET).toHaveBeenCalledWith('/api/partner/v1/licenses/{id}', expect.anything()),
    );
    expect(calls(staffClients)).toBe(0);
  });
});

describe('the staff frame', () => {
  it('gives staff the search and the open alerts badge, and keeps them out of the partner portal', async () => {
    session.roles = ['sales'];
    vi.mocked(alertApi.GET).mockImplementation(((path: string) =>
      Promise.resolve({
        data: path === '/api/v1/stats/alerts' ? { open: 7 } : { content: [], page: {} },
        response: new Response(),
      })) as never);
    renderAt('/partner/licenses');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/));
    expect(screen.getByLabelText('Search DELMS')).toHaveAttribute('data-testid', 'global-search');
    const badge = await screen.findByRole('link', { name: '7 open alerts' });
    expect(badge).toHaveAttribute('data-testid', 'open-alerts-badge');
    expect(badge).toHaveAttribute('href', '/alerts?status=OPEN&status=ACKNOWLEDGED');
    expect(screen.queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(calls(partnerClients)).toBe(0);
  });
});

describe('the account menu', () => {
  it('opens on a click, names whose account it is, and signs out', async () => {
    session.roles = ['admin'];
    renderAt('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Account of Paul Partner' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /Sign out$/ }));
    expect(session.signOut).toHaveBeenCalledTimes(1);
  });
});
