import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { salesApi } from '../../api/clients';
import { SalesFiguresSection } from './SalesFiguresSection';
import { salesRepKeys } from './salesRepData';
import type { SalesStats } from './salesFigures';

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
// The chart library does not draw in jsdom; the figures are what is checked here.
vi.mock('./SalesFiguresChart', () => ({ default: () => <div data-testid="sales-chart" /> }));

const salesGet = vi.mocked(salesApi.GET);
const REP = '21913a73-9e72-4d06-8c0b-81c4a45376f0';

const STATS: SalesStats = {
  from: '2025-01-01',
  to: '2025-12-31',
  salesRepId: REP,
  totals: {
    revenue: { EUR: 48000.5, JPY: 9000 },
    purchases: { NEW: 2, RENEWAL: 1, EXPANSION: 0, UPGRADE: 1 },
    purchaseCount: 4,
    newLicenses: 2,
    licensesDue: 3,
    licensesRenewed: 2,
    renewalRate: 0.6667,
  },
};

function renderAt(url: string, ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <App>{ui}</App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const section = (
  <SalesFiguresSection
    filter={{ salesRepId: REP }}
    queryKey={(period) => salesRepKeys.stats(REP, period)}
    title="Performance"
    testId="section-rep-performance"
    figurePrefix="rep-stat"
  />
);

beforeEach(() => vi.clearAllMocks());

describe('SalesFiguresSection', () => {
  it('asks for the URL’s period and shows each figure with its plain number for the browser tests', async () => {
    salesGet.mockImplementation((() => Promise.resolve({ data: STATS, response: new Response() })) as never);
    renderAt('/sales-reps/x?from=2025-01-01&to=2025-12-31', section);

    expect(await screen.findByTestId('rep-stat-newLicenses')).toHaveTextContent(/^2$/);
    expect(salesGet).toHaveBeenCalledWith('/api/v1/stats/sales', {
      params: { query: { from: '2025-01-01', to: '2025-12-31', salesRepId: REP } },
      signal: expect.anything(),
    });
    expect(screen.getByTestId('rep-stat-purchaseCount')).toHaveTextContent(/^4$/);
    expect(screen.getByTestId('rep-stat-renewalRate')).toHaveTextContent(/^0\.6667$/);
    expect(screen.getByTestId('rep-stat-licensesDue')).toHaveTextContent(/^3$/);
    expect(screen.getByTestId('rep-stat-licensesRenewed')).toHaveTextContent(/^2$/);
    expect(screen.getByTestId('rep-stat-revenue-EUR')).toHaveTextContent(/^48000\.5$/);
    expect(screen.getByTestId('rep-stat-revenue-JPY')).toHaveTextContent(/^9000$/);
    expect(screen.getByTestId('rep-stat-count-NEW')).toHaveTextContent(/^2$/);
    expect(screen.getByTestId('rep-stat-count-EXPANSION')).toHaveTextContent(/^0$/);

    // People read formatted figures.
    const region = screen.getByRole('region', { name: 'Performance' });
    expect(within(region).getByText('66.7 %')).toBeInTheDocument();
    expect(within(region).getByText('2 of 3 licenses due were renewed')).toBeInTheDocument();
    expect(await screen.findByTestId('sales-chart')).toBeInTheDocument();

    // The period picker is labelled; its inputs show the URL's dates.
    expect(screen.getByLabelText('Period')).toHaveAttribute('placeholder', 'From');
  });

  it('names the sales service when it is down', async () => {
    salesGet.mockRejectedValue(new ApiError(503, undefined, 'sales-service'));
    renderAt('/sales-reps/x', section);
    expect(await screen.findByText('The sales service is unavailable right now')).toBeInTheDocument();
  });
});
