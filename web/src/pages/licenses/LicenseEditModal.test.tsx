import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { licenseApi, salesApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import type { License } from './licenseFormat';
import { LicenseEditModal, licenseUpdateBody } from './LicenseEditModal';

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

const REP = '21913a73-9e72-4d06-8c0b-81c4a45376f0';
const LICENSE: License = {
  id: 'ENT-202612-000002',
  productType: 'ENT',
  licenseType: 'SUBSCRIPTION',
  status: 'IN_USE',
  customerId: '7d50134d-ef77-4451-bb52-23f99581a60f',
  salesRepId: REP,
  orderDate: '2026-12-01',
  startDate: '2026-12-07',
  expiryDate: '2027-12-07',
  authorizedUsers: 100,
  authorizedWorkspaces: 5,
  notes: 'Renewal promised',
  version: 4,
};

const put = vi.mocked(licenseApi.PUT);

function renderModal(license: License = LICENSE, onReload = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <App>
          <LicenseEditModal license={license} onClose={() => undefined} onReload={onReload} />
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...view, onReload };
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(licenseApi.GET).mockResolvedValue({ data: { content: [] }, response: new Response() } as never);
  // the sales client resolves the sales rep's name for the picker
  vi.mocked(salesApi.GET).mockResolvedValue({
    data: { content: [{ id: REP, name: 'Sofia Marin' }] },
    response: new Response(),
  } as never);
});

describe('LicenseEditModal', () => {
  it('shows a server field error beside its field and keeps what was typed', async () => {
    const user = userEvent.setup();
    put.mockRejectedValueOnce(
      new ApiError(
        400,
        {
          status: 400,
          title: 'Bad Request',
          errors: [{ field: 'authorizedUsers', message: 'must be at least the users in use (80)' }],
        },
        'license-service',
      ),
    );
    renderModal();
    const dialog = await screen.findByRole('dialog');
    const users = within(dialog).getByLabelText('Authorized users');
    await user.clear(users);
    await user.type(users, '50');
    await user.click(within(dialog).getByRole('button', { name: 'Save terms' }));

    expect(await within(dialog).findByText('Must be at least the users in use (80)')).toBeInTheDocument();
    // beside the field: inside the form item of "Authorized users"
    const item = users.closest('.ant-form-item');
    expect(item).toHaveTextContent('Must be at least the users in use (80)');
    expect(users).toHaveValue('50');

    expect(put).toHaveBeenCalledWith('/api/v1/licenses/{id}', {
      params: { path: { id: LICENSE.id }, header: { 'If-Match': '"4"' } },
      body: expect.objectContaining({
        authorizedUsers: 50,
        authorizedWorkspaces: 5,
        salesRepId: REP,
        orderDate: '2026-12-01',
        startDate: '2026-12-07',
        expiryDate: '2027-12-07',
        notes: 'Renewal promised',
        version: 4,
      }),
    });
  });

  it('offers "Reload" after someone else’s change, keeping what was typed', async () => {
    const user = userEvent.setup();
    put.mockRejectedValueOnce(
      new ApiError(412, { status: 412, title: 'Precondition Failed' }, 'license-service'),
    );
    const { onReload } = renderModal();
    const dialog = await screen.findByRole('dialog');
    const notes = within(dialog).getByLabelText('Notes');
    await user.clear(notes);
    await user.type(notes, 'Signed for two more years');
    await user.click(within(dialog).getByRole('button', { name: 'Save terms' }));

    const alert = await within(dialog).findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
    expect(notes).toHaveValue('Signed for two more years');
  });

  it('sends no expiry for a perpetual license and leaves blank optional fields out', () => {
    const body = licenseUpdateBody(
      { orderDate: undefined, authorizedUsers: 3, authorizedWorkspaces: 1, notes: '  ', resellerId: '' },
      { licenseType: 'PERPETUAL', version: 1 },
    );
    expect(body.expiryDate).toBeUndefined();
    expect(body.notes).toBeUndefined();
    expect(body.resellerId).toBeUndefined();
  });
});
