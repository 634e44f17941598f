import { ProForm, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { t } from '../../i18n';
import { optionalText, useFormErrors, useIdempotencyKey } from '../../lib/forms';
import { PartyPicker } from '../licenses/PartyPicker';
import { FormAlert } from '../operations/FormAlert';
import {
  createCustomer,
  customerKeys,
  updateCustomer,
  type CustomerDto,
  type NewCustomerRequest,
} from './customerData';
import { KNOWN_REGIONS } from './partyFormat';
import { conflictOnField, shownFeedback } from './writeErrors';

export interface CustomerValues {
  name?: string;
  industry?: string;
  region?: string;
  country?: string;
  salesRepId?: string;
  resellerId?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  notes?: string;
}

function valuesOf(customer: CustomerDto | undefined): CustomerValues {
  if (!customer) return {};
  return {
    name: customer.name,
    industry: customer.industry,
    region: customer.region,
    country: customer.country,
    salesRepId: customer.salesRepId,
    resellerId: customer.resellerId,
    contactName: customer.contactName,
    contactEmail: customer.contactEmail,
    contactPhone: customer.contactPhone,
    notes: customer.notes,
  };
}

function bodyOf(values: CustomerValues): NewCustomerRequest {
  return {
    name: values.name!.trim(),
    industry: optionalText(values.industry),
    region: values.region!.trim(),
    country: optionalText(values.country),
    salesRepId: values.salesRepId || undefined,
    resellerId: values.resellerId || undefined,
    contactName: optionalText(values.contactName),
    contactEmail: values.contactEmail!.trim(),
    contactPhone: optionalText(values.contactPhone),
    notes: optionalText(values.notes),
  };
}

interface Props {
  /** The customer being edited, as last read (its version goes as If-Match); none to create one. */
  customer?: CustomerDto;
  /** Read the customer again after a conflict (what the user typed stays); resolves to the fresh one. */
  onReload?: () => Promise<CustomerDto | undefined>;
  onSaved: (customer: CustomerDto) => void;
  onCancel: () => void;
}

/**
 * Creates or edits a customer. The server's field problems show beside their fields; a name
 * another customer has is a 409 shown beside the name; someone else's change meanwhile (412, or a
 * 409 for a stale version) offers to reload the customer, keeping what was typed.
 */
export function CustomerForm({ customer, onReload, onSaved, onCancel }: Props) {
  const [form] = Form.useForm<CustomerValues>();
  // The version the user is editing: the one read when the form opened, or on "Reload" after a
  // conflict; not a background refetch, which would silently overwrite someone else's change.
  const [base, setBase] = useState(customer);
  const [initialValues] = useState(() => valuesOf(customer));
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFormErrors(form);
  const editing = !!base?.id;

  const mutation = useMutation({
    mutationFn: (values: CustomerValues) =>
      base?.id
        ? updateCustomer(base.id, { ...bodyOf(values), version: base.version })
        : createCustomer(bodyOf(values), idempotency.key),
  });

  const submit = async (values: CustomerValues) => {
    errors.clear();
    try {
      const saved = await mutation.mutateAsync(values);
      if (saved.id) queryClient.setQueryData(customerKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: customerKeys.names });
      idempotency.renew();
      onSaved(saved);
    } catch (error) {
      const feedback = errors.report(error);
      conflictOnField(form, feedback, 'name');
    }
  };

  const reload = async () => {
    errors.clear();
    const fresh = await onReload?.();
    if (fresh) setBase(fresh);
  };

  return (
    <ProForm<CustomerValues>
      name={editing ? 'edit-customer' : 'new-customer'}
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onValuesChange={() => errors.feedback?.kind === 'validation' && errors.clear()}
      submitter={{
        render: () => (
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={mutation.isPending}
              disabled={mutation.isPending}
            >
              {editing ? t('customers.form.save') : t('customers.form.create')}
            </Button>
            <Button onClick={onCancel} disabled={mutation.isPending}>
              {t('action.cancel')}
            </Button>
          </Space>
        ),
      }}
    >
      <ProFormText
        name="name"
        label={t('customers.field.name')}
        fieldProps={{ maxLength: 200 }}
        rules={[{ required: true, whitespace: true, message: t('parties.validation.required') }]}
      />
      <ProForm.Group>
        <ProForm.Item
          name="region"
          label={t('customers.field.region')}
          rules={[
            { required: true, whitespace: true, message: t('parties.validation.required') },
            { max: 50, message: t('parties.validation.max', { max: 50 }) },
          ]}
          extra={t('customers.form.regionHelp')}
        >
          <AutoComplete style={{ width: 216 }} options={KNOWN_REGIONS.map((r) => ({ value: r }))} />
        </ProForm.Item>
        <ProFormText
          name="country"
          label={t('customers.field.country')}
          width="sm"
          placeholder={t('customers.form.countryPlaceholder')}
          fieldProps={{ maxLength: 100 }}
        />
        <ProFormText
          name="industry"
          label={t('customers.field.industry')}
          width="sm"
          fieldProps={{ maxLength: 100 }}
        />
      </ProForm.Group>
      <ProForm.Group>
        <ProForm.Item name="salesRepId" label={t('customers.field.salesRep')} style={{ width: 328 }}>
          <PartyPicker party="salesRep" placeholder={t('customers.form.salesRepPlaceholder')} />
        </ProForm.Item>
        <ProForm.Item
          name="resellerId"
          label={t('customers.field.reseller')}
          style={{ width: 328 }}
          extra={t('customers.form.resellerHelp')}
        >
          <PartyPicker party="reseller" placeholder={t('customers.direct')} />
        </ProForm.Item>
      </ProForm.Group>
      <ProForm.Group>
        <ProFormText
          name="contactName"
          label={t('customers.field.contactName')}
          width="md"
          fieldProps={{ maxLength: 200 }}
        />
        <ProFormText
          name="contactEmail"
          label={t('customers.field.contactEmail')}
          width="md"
          fieldProps={{ maxLength: 320, type: 'email', autoComplete: 'off' }}
          rules={[
            { required: true, whitespace: true, message: t('parties.validation.required') },
            { type: 'email', message: t('parties.validation.email') },
          ]}
        />
        <ProFormText
          name="contactPhone"
          label={t('customers.field.contactPhone')}
          width="sm"
          fieldProps={{ maxLength: 50, type: 'tel' }}
        />
      </ProForm.Group>
      <ProFormTextArea
        name="notes"
        label={t('customers.field.notes')}
        fieldProps={{ maxLength: 10000, rows: 3 }}
      />
      <FormAlert
        feedback={shownFeedback(errors.feedback)}
        onReload={editing ? () => void reload() : undefined}
        onClose={errors.clear}
      />
    </ProForm>
  );
}
