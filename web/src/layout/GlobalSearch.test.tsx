import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { customerApi, deploymentApi, salesApi } from '../api/clients';
import { ApiError } from '../api/problem';
import { GlobalSearch } from './GlobalSearch';

vi.mock('../api/clients', () => {
  const client = () => ({ GET: vi.fn() });
  return {
    licenseApi: client(),
    customerApi: client(),
    salesApi: client(),
    deploymentApi: client(),
    alertApi: client(),
  };
});

function page<T>(content: T[]) {
  return Promise.resolve({ data: { content, page: {} }, response: new Response() }) as never;
}

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

function renderSearch() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <GlobalSearch />
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(customerApi.GET).mockImplementation(() =>
    page([
      {
        id: '7d50134d-ef77-4451-bb52-23f99581a60f',
        name: 'Blue Harbor Logistics',
        contactEmail: 'ops@blueharbor.example',
      },
    ]),
  );
  vi.mocked(salesApi.GET).mockImplementation(() => page([]));
  vi.mocked(deploymentApi.GET).mockRejectedValue(new ApiError(503, undefined, 'deployment-service'));
});

describe('GlobalSearch', () => {
  it('opens a License ID directly, without searching', async () => {
    const user = userEvent.setup();
    renderSearch();
    const input = screen.getByRole('combobox', { name: 'Search DELMS' });
    await user.type(input, 'ent-202612-000001');
    expect(await screen.findByText('Open license ENT-202612-000001')).toBeInTheDocument();
    // rc-select reads the deprecated `which`, which user-event does not set in jsdom.
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/licenses/ENT-202612-000001'));
    expect(customerApi.GET).not.toHaveBeenCalled();
  });

  it('lists customers by name in groups, says which service is down, and opens the one picked', async () => {
    const user = userEvent.setup();
    renderSearch();
    await user.type(screen.getByTestId('global-search'), 'blue');
    expect(await screen.findByText('Blue Harbor Logistics')).toBeInTheDocument();
    expect(screen.getByText('Customers')).toBeInTheDocument();
    expect(await screen.findByText('The deployment service is unavailable right now')).toBeInTheDocument();
    expect(customerApi.GET).toHaveBeenCalledWith(
      '/api/v1/customers',
      expect.objectContaining({ params: { query: expect.objectContaining({ q: 'blue' }) } }),
    );
    expect(salesApi.GET).toHaveBeenCalledWith('/api/v1/sales-reps', expect.anything());
    await user.click(screen.getByText('Blue Harbor Logistics'));
    await waitFor(() =>
      expect(screen.getByTestId('where')).toHaveTextContent(
        '/customers/7d50134d-ef77-4451-bb52-23f99581a60f',
      ),
    );
    expect(screen.getByTestId('global-search')).toHaveValue('');
  });
});
