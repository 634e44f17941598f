import type { ReactNode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { deploymentApi, licenseApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import type { Role } from '../../auth/roles';
import DeploymentBoardPage from './DeploymentBoardPage';
import DeploymentDetailPage from './DeploymentDetailPage';

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

let roles: Role[] = ['engineer'];
vi.mock('../../auth/useSession', () => ({
  useSession: () => ({ name: 'Erin', username: 'erin', roles, role: roles[0], signOut: () => undefined }),
}));

const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LENA = '11111111-1111-4111-8111-111111111111';
const OMAR = '22222222-2222-4222-8222-222222222222';
const DEPLOYMENT = {
  id: '95396bf7-e0e9-4318-800c-371849c97af9',
  licenseId: 'ENT-202612-000002',
  engineerId: LENA,
  engineerName: 'Lena Vogel',
  status: 'IN_PROGRESS',
  scheduledDate: '2026-12-21',
  environment: 'PRIVATE_CLOUD',
  productVersion: '3.2.1',
  startedAt: '2026-12-21T09:00:00Z',
  createdAt: '2026-12-07T10:00:00Z',
  createdBy: 'bob',
  version: 4,
} as const;

const deploymentGet = vi.mocked(deploymentApi.GET);
const licenseGet = vi.mocked(licenseApi.GET);

function ok<T>(data: T, headers: Record<string, string> = {}) {
  return Promise.resolve({ data, response: new Response(null, { headers }) }) as never;
}
const page = <T,>(content: T[]) => ({
  content,
  page: { number: 0, size: 20, totalElements: content.length, totalPages: 1 },
});

function renderAt(path: string, route: string, ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <App>
          <Routes>
            <Route path={route} element={ui} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  roles = ['engineer'];
});

describe('DeploymentDetailPage', () => {
  beforeEach(() => {
    deploymentGet.mockImplementation(((path: string) => {
      if (path === '/api/v1/deployments/{id}') return ok(DEPLOYMENT, { ETag: '"4"' });
      if (path === '/api/v1/deployments/{id}/history')
        return ok([
          { to: 'SCHEDULED', actor: 'bob', at: '2026-12-07T10:00:00Z', note: 'planned with the customer' },
          { from: 'SCHEDULED', to: 'IN_PROGRESS', actor: 'erin', at: '2026-12-21T09:00:00Z' },
        ]);
      if (path === '/api/v1/engineers') return ok(page([{ id: LENA, name: 'Lena Vogel', active: true }]));
      return ok(page([]));
    }) as never);
  });

  it('shows every field by name, the history of the moves and the next moves for an engineer', async () => {
    renderAt(`/deployments/${DEPLOYMENT.id}`, '/deployments/:id', <DeploymentDetailPage />);

    const entries = await screen.findAllByTestId('history-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Scheduled');
    expect(entries[0]).toHaveTextContent('by bob');
    expect(entries[0]).toHaveTextContent('planned with the customer');
    expect(entries[1]).toHaveTextContent('Scheduled → In progress');

    const engineer = await screen.findByTestId('deployment-engineer');
    await waitFor(() =>
      expect(within(engineer).getByRole('link', { name: 'Lena Vogel' })).toHaveAttribute(
        'href',
        `/engineers/${LENA}`,
      ),
    );
    const section = screen.getByTestId('section-deployment');
    expect(within(section).getByRole('link', { name: 'ENT-202612-000002' })).toHaveAttribute(
      'href',
      '/licenses/ENT-202612-000002',
    );
    const actions = screen.getByRole('group', { name: 'Deployment actions' });
    expect(within(actions).getByRole('button', { name: 'Complete' })).toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: 'Fail' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(UUID_TEXT);
  });

  it('sends a move with the ETag after confirmation', async () => {
    const user = userEvent.setup();
    vi.mocked(deploymentApi.POST).mockImplementationOnce((() =>
      ok(
        { ...DEPLOYMENT, status: 'COMPLETED', completedAt: '2026-12-21T15:00:00Z', version: 5 },
        {
          ETag: '"5"',
        },
      )) as never);
    renderAt(`/deployments/${DEPLOYMENT.id}`, '/deployments/:id', <DeploymentDetailPage />);

    await user.click(await screen.findByRole('button', { name: 'Complete' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(deploymentApi.POST).toHaveBeenCalledWith('/api/v1/deployments/{id}/transitions', {
        params: { path: { id: DEPLOYMENT.id }, header: { 'If-Match': '"4"' } },
        body: { to: 'COMPLETED', reason: undefined, note: undefined },
      }),
    );
  });

  it('offers no move to a role that cannot run deployments', async () => {
    roles = ['sales'];
    renderAt(`/deployments/${DEPLOYMENT.id}`, '/deployments/:id', <DeploymentDetailPage />);
    await screen.findAllByTestId('history-entry');
    expect(screen.queryByRole('button', { name: 'Complete' })).not.toBeInTheDocument();
  });

  it('names the deployment service when it is down', async () => {
    deploymentGet.mockImplementation((() =>
      Promise.reject(new ApiError(503, undefined, 'deployment-service'))) as never);
    renderAt(`/deployments/${DEPLOYMENT.id}`, '/deployments/:id', <DeploymentDetailPage />);
    expect(
      (await screen.findAllByText('The deployment service is unavailable right now')).length,
    ).toBeGreaterThan(0);
  });
});

describe('DeploymentBoardPage', () => {
  it('shows a column per engineer with the open deployments, with no request per card', async () => {
    deploymentGet.mockImplementation(((
      path: string,
      options: { params: { query: Record<string, unknown> } },
    ) => {
      if (path === '/api/v1/engineers')
        return ok(
          page([
            { id: OMAR, name: 'Omar Haddad', active: true },
            { id: LENA, name: 'Lena Vogel', active: true },
          ]),
        );
      const status = options.params.query.status;
      if (status === 'IN_PROGRESS') return ok(page([DEPLOYMENT]));
      if (status === 'SCHEDULED')
        return ok(
          page([
            {
              ...DEPLOYMENT,
              id: '55555555-5555-4555-8555-555555555555',
              status: 'SCHEDULED',
              scheduledDate: '2026-12-28',
            },
          ]),
        );
      return ok(page([]));
    }) as never);
    renderAt('/deployments/board?from=2026-12-01', '/deployments/board', <DeploymentBoardPage />);

    const columns = await screen.findAllByTestId('board-column');
    expect(columns.map((c) => c.getAttribute('data-engineer'))).toEqual(['Lena Vogel', 'Omar Haddad']);
    const cards = within(columns[0]).getAllByTestId('board-card');
    expect(cards.map((c) => c.getAttribute('data-status'))).toEqual(['IN_PROGRESS', 'SCHEDULED']);
    expect(within(cards[0]).getByText('ENT-202612-000002')).toBeInTheDocument();
    expect(licenseGet).not.toHaveBeenCalled();
    expect(within(columns[1]).getByText('Nothing scheduled')).toBeInTheDocument();
    expect(deploymentGet).toHaveBeenCalledWith('/api/v1/deployments', {
      params: { query: expect.objectContaining({ status: 'SCHEDULED', from: '2026-12-01', to: undefined }) },
    });
    expect(document.body.textContent).not.toMatch(UUID_TEXT);
  });
});
