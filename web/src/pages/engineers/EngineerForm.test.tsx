import type { ReactNode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { deploymentApi } from '../../api/clients';
import { EngineerFormModal } from './EngineerForm';

// antd forms in jsdom are slow on a busy machine: typing and validation take seconds.

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

const post = vi.mocked(deploymentApi.POST);
const put = vi.mocked(deploymentApi.PUT);

const LENA = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Lena Vogel',
  email: 'lena.vogel@example.com',
  region: 'EMEA',
  skills: ['Kubernetes'],
  active: true,
  version: 3,
};

function renderWith(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <App>{ui}</App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The form item (label, input, messages) around an input. */
function itemOf(element: HTMLElement): HTMLElement {
  return element.closest('.ant-form-item') as HTMLElement;
}

const noop = () => undefined;

beforeEach(() => vi.clearAllMocks());

describe('EngineerFormModal', () => {
  it('shows the server’s field errors beside their fields and the others above the buttons', async () => {
    const user = userEvent.setup();
    post.mockRejectedValueOnce(
      new ApiError(
        400,
        {
          status: 400,
          type: 'urn:delms:problem:validation',
          detail: 'The request is not valid.',
          errors: [
            { field: 'region', message: 'size must be between 0 and 50' },
            { field: 'skills[1]', message: 'must not be blank' },
            { field: 'phone', message: 'is not allowed' },
          ],
        },
        'deployment-service',
      ),
    );
    renderWith(<EngineerFormModal open onOpenChange={noop} />);
    const dialog = await screen.findByRole('dialog');

    await user.type(within(dialog).getByLabelText('Name'), 'Lena Vogel');
    await user.type(within(dialog).getByLabelText('E-mail'), 'lena.vogel@example.com');
    await user.type(within(dialog).getByLabelText('Region'), 'EMEA');
    await user.type(within(dialog).getByLabelText('Skills'), 'Kubernetes{enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Create engineer' }));

    const regionError = await within(dialog).findByText('Size must be between 0 and 50');
    expect(within(itemOf(regionError)).getByLabelText('Region')).toBeInTheDocument();
    const skillsError = within(dialog).getByText('skills[1]: must not be blank');
    expect(within(itemOf(skillsError)).getByLabelText('Skills')).toBeInTheDocument();
    const alert = within(dialog)
      .getByText('Some values need attention')
      .closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByText('phone: is not allowed')).toBeInTheDocument();

    const [path, options] = post.mock.calls[0] as unknown as [
      string,
      { body: Record<string, unknown>; headers: Record<string, string> },
    ];
    expect(path).toBe('/api/v1/engineers');
    expect(options.body).toEqual({
      name: 'Lena Vogel',
      email: 'lena.vogel@example.com',
      region: 'EMEA',
      skills: ['Kubernetes'],
      active: true,
    });
    expect(options.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says beside the e-mail that another engineer has it (409)', async () => {
    const user = userEvent.setup();
    post.mockRejectedValueOnce(
      new ApiError(
        409,
        { status: 409, detail: "An engineer with e-mail 'lena.vogel@example.com' already exists." },
        'deployment-service',
      ),
    );
    renderWith(<EngineerFormModal open onOpenChange={noop} />);
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Name'), 'Lena Vogel');
    await user.type(within(dialog).getByLabelText('E-mail'), 'lena.vogel@example.com');
    await user.type(within(dialog).getByLabelText('Region'), 'EMEA');
    await user.click(within(dialog).getByRole('button', { name: 'Create engineer' }));

    const message = await within(dialog).findByText('Another engineer has this e-mail');
    expect(within(itemOf(message)).getByLabelText('E-mail')).toBeInTheDocument();
  });

  it('changes an engineer with If-Match and the version read; a 412 offers a reload keeping what was typed', async () => {
    const user = userEvent.setup();
    const onReload = vi.fn();
    put.mockRejectedValueOnce(new ApiError(412, { status: 412 }, 'deployment-service'));
    renderWith(
      <EngineerFormModal
        open
        onOpenChange={noop}
        read={{ engineer: LENA, etag: '"3"' }}
        onReload={onReload}
      />,
    );
    const dialog = await screen.findByRole('dialog');
    const region = within(dialog).getByLabelText('Region');
    expect(region).toHaveValue('EMEA');
    await user.clear(region);
    await user.type(region, 'APAC');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('Someone else changed this in the meantime')).toBeInTheDocument();
    expect(put).toHaveBeenCalledWith('/api/v1/engineers/{id}', {
      params: { path: { id: LENA.id }, header: { 'If-Match': '"3"' } },
      body: {
        name: 'Lena Vogel',
        email: 'lena.vogel@example.com',
        region: 'APAC',
        skills: ['Kubernetes'],
        active: true,
        version: 3,
      },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(onReload).toHaveBeenCalled());
    expect(within(dialog).getByLabelText('Region')).toHaveValue('APAC');
  });
});
