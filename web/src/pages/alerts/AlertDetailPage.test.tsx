import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { alertApi, customerApi, salesApi } from '../../api/clients';
import AlertDetailPage from './AlertDetailPage';

vi.mock('../../auth/useSession', () => ({
  useSession: () => ({
    name: 'Bob',
    username: 'bob',
    roles: ['sales'],
    role: 'sales',
    signOut: () => undefined,
  }),
}));

vi.mock('../../api/clients', () => {
  const client = () => ({ GET: vi.fn(), POST: vi.fn() });
  return {
    licenseApi: client(),
    customerApi: client(),
    salesApi: client(),
    deploymentApi: client(),
    alertApi: client(),
  };
});

const ALERT = {
  id: '2c1f7a9e-1f7e-4c43-9a53-0d7c3a0f5e11',
  licenseId: 'ENT-202612-000002',
  customerId: '7d50134d-ef77-4451-bb52-23f99581a60f',
  type: 'OVERUSE_USERS',
  severity: 'CRITICAL',
  status: 'OPEN',
  message: 'License ENT-202612-000002 uses 240 users of 200 authorized',
  details: { measure: 'users', used: 240, authorized: 200 },
  raisedAt: '2026-12-07T08:00:00Z',
  version: 3,
} as const;

it('shows every field by name and acknowledges the alert with its version', async () => {
  const user = userEvent.setup();
  let current: object = ALERT;
  vi.mocked(alertApi.GET).mockImplementation((() => Promise.resolve({ data: current })) as never);
  vi.mocked(alertApi.POST).mockImplementation((() => {
    current = {
      ...ALERT,
      status: 'ACKNOWLEDGED',
      acknowledgedBy: 'bob',
      acknowledgedAt: '2026-12-07T09:00:00Z',
    };
    return Promise.resolve({ data: current });
  }) as never);
  vi.mocked(customerApi.GET).mockResolvedValue({
    data: { content: [{ id: ALERT.customerId, name: 'Blue Harbor Logistics' }], page: {} },
  } as never);
  vi.mocked(salesApi.GET).mockResolvedValue({ data: { content: [], page: {} } } as never);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/alerts/${ALERT.id}`]}>
        <App>
          <Routes>
            <Route path="/alerts/:id" element={<AlertDetailPage />} />
          </Routes>
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );

  expect(await screen.findByRole('link', { name: 'Blue Harbor Logistics' })).toHaveAttribute(
    'href',
    `/customers/${ALERT.customerId}`,
  );
  expect(screen.getByRole('link', { name: ALERT.licenseId })).toHaveAttribute(
    'href',
    `/licenses/${ALERT.licenseId}`,
  );
  expect(screen.getByText('240')).toBeInTheDocument();
  expect(screen.queryByText(ALERT.customerId)).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: /Acknowledge alert/ }));
  await waitFor(() =>
    expect(alertApi.POST).toHaveBeenCalledWith('/api/v1/alerts/{id}/acknowledge', {
      params: { path: { id: ALERT.id }, header: { 'If-Match': '"3"' } },
    }),
  );
  expect(await screen.findByText(/^by bob on /)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Acknowledge alert/ })).not.toBeInTheDocument();
});
