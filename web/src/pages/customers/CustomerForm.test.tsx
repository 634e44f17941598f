import type { ReactNode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { customerApi } from '../../api/clients';
import { CustomerForm } from './CustomerForm';
import type { CustomerDto } from './customerData';

// antd forms in jsdom are slow on a busy machine: typing and validation take seconds.

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

const customerPost = vi.mocked(customerApi.POST);
const customerPut = vi.mocked(customerApi.PUT);

const CUSTOMER: CustomerDto = {
  id: '7d50134d-ef77-4451-bb52-23f99581a60f',
  name: 'Blue Harbor Logistics',
  industry: 'Logistics',
  region: 'EMEA',
  country: 'NL',
  contactName: 'Jan de Vries',
  contactEmail: 'jan@blueharbor.example.com',
  version: 3,
};

function ok<T>(data: T) {
  return Promise.resolve({ data, response: new Response() }) as never;
}

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

const noop = () => undefined;

beforeEach(() => {
  vi.clearAllMocks();
});

async function fillNew(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name'), 'Northwind Traders');
  await user.type(screen.getByLabelText('Region'), 'EMEA');
  await user.type(screen.getByLabelText('Contact e-mail'), 'greta@northwind.example.com');
}

describe('CustomerForm', () => {
  it('shows a server field error beside its field and the unknown ones in an alert', async () => {
    const user = userEvent.setup();
    customerPost.mockRejectedValueOnce(
      new ApiError(
        400,
        {
          status: 400,
          type: 'urn:delms:problem:validation',
          errors: [
            { field: 'contactEmail', message: 'must be a well-formed email address' },
            { field: 'segment', message: 'is not a known field' },
          ],
        },
        'customer-service',
      ),
    );
    renderWith(<CustomerForm onSaved={noop} onCancel={noop} />);
    await fillNew(user);
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    const message = await screen.findByText('Must be a well-formed email address');
    const item = message.closest('.ant-form-item') as HTMLElement;
    expect(within(item).getByLabelText('Contact e-mail')).toBeInTheDocument();
    const alert = screen.getByText('Some values need attention').closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByText('segment: is not a known field')).toBeInTheDocument();

    const [path, options] = customerPost.mock.calls[0] as unknown as [
      string,
      { body: Record<string, unknown>; headers: Record<string, string> },
    ];
    expect(path).toBe('/api/v1/customers');
    expect(options.body).toEqual({
      name: 'Northwind Traders',
      region: 'EMEA',
      contactEmail: 'greta@northwind.example.com',
    });
    expect(options.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts a name another customer has (409) beside the name, without an id', async () => {
    const user = userEvent.setup();
    customerPost.mockRejectedValueOnce(
      new ApiError(
        409,
        {
          status: 409,
          type: 'urn:delms:problem:conflict',
          detail: "A customer named 'Northwind Traders' already exists.",
        },
        'customer-service',
      ),
    );
    renderWith(<CustomerForm onSaved={noop} onCancel={noop} />);
    await fillNew(user);
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    // the message may show elsewhere a moment before the field renders it: wait for the field's
    const besideName = await waitFor(() => {
      const message = screen
        .getAllByText("A customer named 'Northwind Traders' already exists.")
        .find((m) => m.closest('.ant-form-item'));
      expect(message).toBeDefined();
      return message!.closest('.ant-form-item') as HTMLElement;
    });
    expect(within(besideName).getByLabelText('Name')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
  });

  it('sends the version as If-Match, and after a 412 reloads the customer keeping what was typed', async () => {
    const user = userEvent.setup();
    customerPut.mockRejectedValueOnce(new ApiError(412, { status: 412 }, 'customer-service'));
    const fresh: CustomerDto = { ...CUSTOMER, industry: 'Shipping', version: 4 };
    const onReload = vi.fn(() => Promise.resolve(fresh));
    const onSaved = vi.fn();
    renderWith(<CustomerForm customer={CUSTOMER} onReload={onReload} onSaved={onSaved} onCancel={noop} />);

    const phone = screen.getByLabelText('Contact phone');
    await user.type(phone, '+31 20 555 0100');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Someone else changed this in the meantime')).toBeInTheDocument();
    expect(customerPut).toHaveBeenCalledWith('/api/v1/customers/{id}', {
      params: { path: { id: CUSTOMER.id }, header: { 'If-Match': '"3"' } },
      body: expect.objectContaining({ name: CUSTOMER.name, contactPhone: '+31 20 555 0100', version: 3 }),
    });

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(onReload).toHaveBeenCalled());
    expect(screen.getByLabelText('Contact phone')).toHaveValue('+31 20 555 0100');

    customerPut.mockImplementationOnce((() =>
      ok({ ...fresh, contactPhone: '+31 20 555 0100', version: 5 })) as never);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(customerPut).toHaveBeenLastCalledWith('/api/v1/customers/{id}', {
      params: { path: { id: CUSTOMER.id }, header: { 'If-Match': '"4"' } },
      body: expect.objectContaining({ version: 4 }),
    });
  });

  it('says when the role may not do it (403)', async () => {
    const user = userEvent.setup();
    customerPost.mockRejectedValueOnce(new ApiError(403, { status: 403 }, 'customer-service'));
    renderWith(<CustomerForm onSaved={noop} onCancel={noop} />);
    await fillNew(user);
    await user.click(screen.getByRole('button', { name: 'Create customer' }));
    expect(await screen.findByText('Your role does not allow this')).toBeInTheDocument();
  });

  it('checks the required fields before sending anything', async () => {
    const user = userEvent.setup();
    renderWith(<CustomerForm onSaved={noop} onCancel={noop} />);
    await user.click(screen.getByRole('button', { name: 'Create customer' }));
    await waitFor(() => expect(screen.getAllByText('Required')).toHaveLength(3));
    expect(customerPost).not.toHaveBeenCalled();
  });
});
