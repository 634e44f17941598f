import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import dayjs from 'dayjs';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { deploymentApi } from '../../api/clients';
import type { Role } from '../../auth/roles';
import EngineerDetailPage from './EngineerDetailPage';

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
let roles: Role[] = ['admin'];
vi.mock('../../auth/useSession', () => ({
  useSession: () => ({ name: 'Alice', username: 'alice', roles, role: roles[0], signOut: () => undefined }),
}));

const LENA = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Lena Vogel',
  email: 'lena.vogel@example.com',
  region: 'EMEA',
  skills: ['Kubernetes', 'PostgreSQL'],
  active: true,
  version: 3,
};
const get = vi.mocked(deploymentApi.GET);
const ok = <T,>(data: T, headers: Record<string, string> = {}) =>
  Promise.resolve({ data, response: new Response(null, { headers }) }) as never;

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/engineers/${LENA.id}`]}>
        <App>
          <Routes>
            <Route path="/engineers/:id" element={<EngineerDetailPage />} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  roles = ['admin'];
  get.mockImplementation(((path: string) => {
    if (path === '/api/v1/engineers/{id}') return ok(LENA, { ETag: '"3"' });
    if (path === '/api/v1/stats/deployments')
      return ok({
        engineers: [
          {
            engineerId: LENA.id,
            engineerName: LENA.name,
            scheduled: 12,
            completed: 9,
            failed: 1,
            medianDaysToDeployment: 6.5,
            onTimeRate: 0.8333,
          },
        ],
        totals: { scheduled: 12, completed: 9, failed: 1, medianDaysToDeployment: 6.5, onTimeRate: 0.8333 },
      });
    return ok({ content: [], page: { number: 0, size: 10, totalElements: 0, totalPages: 0 } });
  }) as never);
});

describe('EngineerDetailPage', () => {
  it('shows the performance of this year as plain numbers and the admin’s actions', async () => {
    renderPage();
    expect(await screen.findByTestId('engineer-stat-scheduled')).toHaveTextContent(/^12$/);
    expect(screen.getByTestId('engineer-stat-completed')).toHaveTextContent(/^9$/);
    expect(screen.getByTestId('engineer-stat-failed')).toHaveTextContent(/^1$/);
    expect(screen.getByTestId('engineer-stat-medianDaysToDeployment')).toHaveTextContent(/^6\.5$/);
    expect(screen.getByTestId('engineer-stat-onTimeRate')).toHaveTextContent(/^83$/);
    const year = dayjs().year();
    expect(get).toHaveBeenCalledWith('/api/v1/stats/deployments', {
      params: { query: { from: `${year}-01-01`, to: `${year}-12-31`, engineerId: LENA.id } },
    });
    const actions = screen.getByRole('group', { name: 'Engineer actions' });
    expect(within(actions).getByRole('button', { name: /Edit/ })).toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: 'Deactivate' })).toBeInTheDocument();
    expect(await screen.findByText('No deployment for this engineer yet')).toBeInTheDocument();
  });

  it('offers no change to other roles', async () => {
    roles = ['sales'];
    renderPage();
    await screen.findByTestId('engineer-stat-scheduled');
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Deactivate' })).not.toBeInTheDocument();
  });
});
