import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { partnerAlertApi, partnerCustomerApi, partnerLicenseApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import PartnerLicenseDetailPage from './PartnerLicenseDetailPage';

vi.mock('../../api/clients', () => {
  const client = () => ({ GET: vi.fn(), POST: vi.fn() });
  return { partnerLicenseApi: client(), partnerCustomerApi: client(), partnerAlertApi: client() };
});

it('shows another reseller’s license (404 from the partner API) as not found', async () => {
  const notFound = new ApiError(404, { status: 404, title: 'Not Found' }, 'license-service');
  vi.mocked(partnerLicenseApi.GET).mockRejectedValue(notFound);
  vi.mocked(partnerAlertApi.GET).mockRejectedValue(notFound);
  vi.mocked(partnerCustomerApi.GET).mockResolvedValue({ data: { content: [], page: {} } } as never);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/partner/licenses/ENT-202612-000007']}>
        <Routes>
          <Route path="/partner/licenses/:id" element={<PartnerLicenseDetailPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  expect(await screen.findByText('License ENT-202612-000007 not found')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Back to your licenses' })).toHaveAttribute(
    'href',
    '/partner/licenses',
  );
  expect(partnerLicenseApi.GET).toHaveBeenCalledWith('/api/partner/v1/licenses/{id}', expect.anything());
});
