import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { salesApi } from '../../api/clients';
import ResellerListPage from './ResellerListPage';

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

const session = vi.hoisted(() => ({ roles: ['admin'] as string[] }));
vi.mock('../../auth/useSession', () => ({
  useSession: () => ({
    name: 'Alice',
    username: 'alice',
    roles: session.roles,
    role: session.roles[0],
    signOut: () => {},
  }),
}));

const RESELLER = {
  id: 'afa62a38-444e-4665-9256-3c21ec094157',
  code: 'acme',
  name: 'Acme Channel Partners',
  region: 'EMEA',
  tier: 'GOLD',
  contactEmail: 'partners@acme.example.com',
  active: true,
  version: 1,
};

const ok = <T,>(data: T) => Promise.resolve({ data, response: new Response() }) as never;

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <App>
          <ResellerListPage />
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  session.roles = ['admin'];
  vi.mocked(salesApi.GET).mockImplementation((() =>
    ok({ content: [RESELLER], page: { number: 0, size: 20, totalElements: 1, totalPages: 1 } })) as never);
});

describe('ResellerListPage', () => {
  it('lists resellers from the URL’s search and puts a taken code (409) beside the code in the new-reseller dialog', async () => {
    const user = userEvent.setup();
    vi.mocked(salesApi.POST).mockRejectedValueOnce(
      new ApiError(409, { status: 409, detail: "The code 'acme' is taken." }, 'sales-service'),
    );
    renderAt('/resellers?q=acme&sort=tier,desc');

    const link = await screen.findByTestId('reseller-link', {}, { timeout: 10_000 });
    expect(link).toHaveTextContent('Acme Channel Partners');
    expect(salesApi.GET).toHaveBeenCalledWith('/api/v1/resellers', {
      params: { query: { q: 'acme', page: 0, size: 20, sort: ['tier,desc'] } },
      signal: expect.anything(),
    });
    expect(within(link.closest('tr') as HTMLElement).getByText('Gold')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /New reseller/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Name'), 'Acme Again');
    await user.type(within(dialog).getByLabelText('Code'), 'acme');
    await user.type(within(dialog).getByLabelText('Contact e-mail'), 'again@acme.example.com');
    await user.type(within(dialog).getByLabelText('Region'), 'EMEA');
    await user.click(within(dialog).getByRole('button', { name: 'Create reseller' }));

    const besideField = () =>
      within(dialog)
        .queryAllByText("The code 'acme' is taken.")
        .map((m) => m.closest('.ant-form-item'))
        .find(Boolean) as HTMLElement | undefined;
    await waitFor(() => expect(besideField()).toBeDefined(), { timeout: 10_000 });
    const item = besideField()!;
    expect(within(item).getByLabelText('Code')).toBeInTheDocument();
    expect(salesApi.POST).toHaveBeenCalledWith('/api/v1/resellers', {
      body: {
        name: 'Acme Again',
        code: 'acme',
        contactEmail: 'again@acme.example.com',
        region: 'EMEA',
        tier: 'AUTHORIZED',
        active: true,
      },
      headers: { 'Idempotency-Key': expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
  });

  it('checks the code’s form before sending', async () => {
    const user = userEvent.setup();
    renderAt('/resellers');
    await user.click(await screen.findByRole('button', { name: /New reseller/ }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Code'), 'Acme Partners');
    await user.click(within(dialog).getByRole('button', { name: 'Create reseller' }));
    expect(
      await within(dialog).findByText('2–32 lower-case letters and digits, words joined by single hyphens'),
    ).toBeInTheDocument();
    expect(salesApi.POST).not.toHaveBeenCalled();
  });

  it('offers no "New reseller" to sales', async () => {
    session.roles = ['sales'];
    renderAt('/resellers');
    expect(await screen.findByTestId('reseller-link', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New reseller/ })).not.toBeInTheDocument();
  });
});
