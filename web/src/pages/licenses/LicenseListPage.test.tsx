import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { customerApi, licenseApi, salesApi } from '../../api/clients';
import LicenseListPage from './LicenseListPage';

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

vi.mock('../../auth/useSession', () => ({
  useSession: () => ({ name: 'Bob', username: 'bob', roles: ['sales'], role: 'sales', signOut: () => {} }),
}));

const LICENSE = {
  id: 'ENT-202612-000002',
  productType: 'ENT',
  licenseType: 'SUBSCRIPTION',
  status: 'IN_USE',
  customerId: '7d50134d-ef77-4451-bb52-23f99581a60f',
  orderDate: '2026-12-07',
  startDate: '2026-12-07',
  expiryDate: '2027-12-07',
  authorizedWorkspaces: 10,
  authorizedUsers: 200,
  overused: false,
  daysToExpiry: 365,
  version: 1,
};

const ok = <T,>(data: T) => Promise.resolve({ data, response: new Response() }) as never;

function renderList(page: Record<string, unknown>) {
  vi.mocked(licenseApi.GET).mockImplementation((() => ok({ content: [LICENSE], page })) as never);
  vi.mocked(customerApi.GET).mockImplementation((() => ok({ content: [], page: {} })) as never);
  vi.mocked(salesApi.GET).mockImplementation((() => ok({ content: [], page: {} })) as never);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/licenses']}>
        <App>
          <LicenseListPage />
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('LicenseListPage total', () => {
  it('says how many licenses match when the count is exact', async () => {
    renderList({
      number: 0,
      size: 20,
      totalElements: 1,
      totalPages: 1,
      totalElementsExact: true,
      next: null,
    });
    expect(await screen.findByText('1–1 of 1 licenses', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('says "at least" when the server stopped counting at its bound', async () => {
    renderList({
      number: 0,
      size: 20,
      totalElements: 10000,
      totalPages: 500,
      totalElementsExact: false,
      next: 'c',
    });
    expect(await screen.findByText('1–20 of 10000+ licenses', {}, { timeout: 10_000 })).toBeInTheDocument();
  });
});
