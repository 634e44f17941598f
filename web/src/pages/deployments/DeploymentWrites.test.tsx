import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { deploymentApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import type { Role } from '../../auth/roles';
import DeploymentDetailPage from './DeploymentDetailPage';

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

let roles: Role[] = ['admin'];
vi.mock('../../auth/useSession', () => ({
  useSession: () => ({ name: 'Alice', username: 'alice', roles, role: roles[0], signOut: () => undefined }),
}));

const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LENA = '11111111-1111-4111-8111-111111111111';
const DEPLOYMENT = {
  id: '95396bf7-e0e9-4318-800c-371849c97af9',
  licenseId: 'ENT-202612-000002',
  engineerId: LENA,
  engineerName: 'Lena Vogel',
  status: 'SCHEDULED',
  scheduledDate: '2026-12-21',
  environment: 'PRIVATE_CLOUD',
  productVersion: '3.2.1',
  notes: 'Bring the installer',
  createdAt: '2026-12-07T10:00:00Z',
  createdBy: 'bob',
  version: 4,
};

const ok = <T,>(data: T, headers: Record<string, string> = {}, status = 200) =>
  Promise.resolve({ data, response: new Response(null, { headers, status }) }) as never;
const page = <T,>(content: T[]) => ({
  content,
  page: { number: 0, size: 20, totalElements: content.length, totalPages: 1 },
});

function renderPage(deployment: Record<string, unknown> = DEPLOYMENT) {
  vi.mocked(deploymentApi.GET).mockImplementation(((path: string) => {
    if (path === '/api/v1/deployments/{id}') return ok(deployment, { ETag: '"4"' });
    if (path === '/api/v1/deployments/{id}/history') return ok([]);
    if (path === '/api/v1/engineers') return ok(page([{ id: LENA, name: 'Lena Vogel', active: true }]));
    return ok(page([]));
  }) as never);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/deployments/${DEPLOYMENT.id}`]}>
        <App>
          <Routes>
            <Route path="/deployments/:id" element={<DeploymentDetailPage />} />
            <Route path="/deployments" element={<p>Deployment list</p>} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  roles = ['admin'];
});

describe('DeploymentDetailPage writes', () => {
  it('shows the service’s reason, without ids, when a delete is refused', async () => {
    const user = userEvent.setup();
    vi.mocked(deploymentApi.DELETE).mockRejectedValueOnce(
      new ApiError(
        409,
        {
          status: 409,
          title: 'Conflict',
          detail: `Deployment ${DEPLOYMENT.id} is in progress and cannot be deleted.`,
        },
        'deployment-service',
      ),
    );
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete Deployment of ENT-202612-000002?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    const refused = await screen.findByTestId('deployment-delete-failed');
    expect(refused).toHaveTextContent('This deployment cannot be deleted');
    expect(refused).toHaveTextContent('Deployment is in progress and cannot be deleted.');
    expect(refused).toHaveTextContent('Cancel the deployment instead');
    expect(refused.textContent).not.toMatch(UUID_TEXT);
    expect(deploymentApi.DELETE).toHaveBeenCalledWith('/api/v1/deployments/{id}', {
      params: { path: { id: DEPLOYMENT.id }, header: { 'If-Match': '"4"' } },
    });
  });

  it('goes to the list after a delete', async () => {
    const user = userEvent.setup();
    vi.mocked(deploymentApi.DELETE).mockReturnValueOnce(ok(undefined, {}, 204));
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deployment list')).toBeInTheDocument();
  });

  it('changes the plan of a scheduled deployment with the ETag read', async () => {
    const user = userEvent.setup();
    roles = ['engineer'];
    vi.mocked(deploymentApi.PUT).mockReturnValueOnce(
      ok({ ...DEPLOYMENT, productVersion: '3.3.0', version: 5 }, { ETag: '"5"' }),
    );
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit plan' }));
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog');
    const version = within(dialog).getByLabelText('Product version');
    await user.clear(version);
    await user.type(version, '3.3.0');
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    await waitFor(() =>
      expect(deploymentApi.PUT).toHaveBeenCalledWith('/api/v1/deployments/{id}', {
        params: { path: { id: DEPLOYMENT.id }, header: { 'If-Match': '"4"' } },
        body: {
          scheduledDate: '2026-12-21',
          engineerId: LENA,
          environment: 'PRIVATE_CLOUD',
          productVersion: '3.3.0',
          notes: 'Bring the installer',
          version: 4,
        },
      }),
    );
  });

  it('offers no plan change once the deployment has started', async () => {
    renderPage({ ...DEPLOYMENT, status: 'IN_PROGRESS' });
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit plan' })).not.toBeInTheDocument();
  });
});
