import { useState } from 'react';
import {
  ProCard,
  ProForm,
  ProFormDatePicker,
  ProFormDependency,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button, Col, Form, Result, Row, Space, Typography } from 'antd';
import type { RuleObject, RuleRender } from 'antd/es/form';

/** The form a rule function receives. */
type RuleForm = Parameters<RuleRender>[0];
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { licenseApi } from '../../api/clients';
import type { components } from '../../api/schema/license-service';
import { LICENSE_TYPES, PRODUCT_TYPES } from '../../domain/license';
import { useNames } from '../../domain/names';
import { t, type MessageKey } from '../../i18n';
import {
  invalidateLicenseData,
  optionalText,
  toIsoDate,
  useFormErrors,
  useIdempotencyKey,
} from '../../lib/forms';
import { FormAlert } from './FormAlert';
import { CustomerPicker, type Picked } from './pickers';
import { opsKeys, type CustomerDto, type LicenseDto } from './queries';
import { contextColumn, formColumn, submitButton } from './shared';

type NewLicenseRequest = components['schemas']['NewLicenseRequest'];
type LicenseType = NewLicenseRequest['licenseType'];

export interface CreateLicenseValues {
  customerId?: Picked;
  productType: string;
  licenseType: LicenseType;
  authorizedWorkspaces?: number;
  authorizedUsers?: number;
  orderDate?: Dayjs;
  startDate?: Dayjs;
  expiryDate?: Dayjs | null;
  notes?: string;
}

function initialValues(): Partial<CreateLicenseValues> {
  const today = dayjs().startOf('day');
  return {
    productType: 'ENT',
    licenseType: 'SUBSCRIPTION',
    orderDate: today,
    startDate: today,
    expiryDate: today.add(1, 'year'),
  };
}

/** Creates a license: customer (with its sales rep and reseller), product, type, limits, dates. */
export function CreateLicenseForm() {
  const [form] = Form.useForm<CreateLicenseValues>();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  // The sales rep and reseller of a license are the chosen customer's (the API does not default them).
  const [customer, setCustomer] = useState<CustomerDto>();
  const [created, setCreated] = useState<LicenseDto>();
  const errors = useFormErrors(form, { aliases: { salesRepId: 'customerId', resellerId: 'customerId' } });

  const mutation = useMutation({
    mutationFn: async (body: NewLicenseRequest) =>
      (await licenseApi.POST('/api/v1/licenses', { body, headers: { 'Idempotency-Key': idempotency.key } }))
        .data!,
  });

  const submit = async (values: CreateLicenseValues) => {
    errors.clear();
    const body: NewLicenseRequest = {
      customerId: values.customerId!.value,
      salesRepId: customer?.id === values.customerId?.value ? (customer?.salesRepId ?? undefined) : undefined,
      resellerId: customer?.id === values.customerId?.value ? (customer?.resellerId ?? undefined) : undefined,
      productType: values.productType,
      licenseType: values.licenseType,
      authorizedWorkspaces: values.authorizedWorkspaces!,
      authorizedUsers: values.authorizedUsers!,
      orderDate: toIsoDate(values.orderDate)!,
      startDate: toIsoDate(values.startDate)!,
      expiryDate: values.licenseType === 'PERPETUAL' ? undefined : toIsoDate(values.expiryDate),
      notes: optionalText(values.notes),
    };
    try {
      const license = await mutation.mutateAsync(body);
      if (license.id) queryClient.setQueryData(opsKeys.license(license.id), license);
      invalidateLicenseData(queryClient);
      idempotency.renew();
      setCreated(license);
    } catch (error) {
      errors.report(error);
    }
  };

  const startOver = () => {
    setCreated(undefined);
    setCustomer(undefined);
    form.resetFields();
    mutation.reset();
  };

  if (created?.id) return <Created license={created} onAnother={startOver} />;

  return (
    <Row gutter={[24, 24]}>
      <Col {...formColumn}>
        <ProForm<CreateLicenseValues>
          name="create-license"
          form={form}
          layout="vertical"
          dateFormatter={false}
          initialValues={initialValues()}
          onFinish={submit}
          onValuesChange={() => errors.feedback?.kind === 'validation' && errors.clear()}
          submitter={submitButton(t('ops.create.submit'), mutation.isPending)}
        >
          <CustomerPicker onPick={setCustomer} extra={<CustomerParties customer={customer} />} />
          <ProForm.Group>
            <ProFormRadio.Group
              name="productType"
              label={t('ops.field.productType')}
              radioType="button"
              options={PRODUCT_TYPES.map((p) => ({ value: p, label: p }))}
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
            <ProFormSelect
              name="licenseType"
              label={t('ops.field.licenseType')}
              width="sm"
              options={LICENSE_TYPES.map((type) => ({
                value: type,
                label: t(`licenseType.${type}` as MessageKey),
              }))}
              rules={[{ required: true, message: t('ops.validation.required') }]}
              fieldProps={{
                allowClear: false,
                onChange: (type: unknown) => {
                  if (type === 'PERPETUAL') form.setFieldValue('expiryDate', null);
                  else if (!form.getFieldValue('expiryDate')) {
                    const start = form.getFieldValue('startDate') as Dayjs | undefined;
                    form.setFieldValue(
                      'expiryDate',
                      (start ?? dayjs()).add(type === 'SUBSCRIPTION' ? 12 : 1, 'month'),
                    );
                  }
                },
              }}
            />
          </ProForm.Group>
          <ProForm.Group>
            <ProFormDigit
              name="authorizedWorkspaces"
              label={t('ops.field.authorizedWorkspaces')}
              width="sm"
              min={1}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
            <ProFormDigit
              name="authorizedUsers"
              label={t('ops.field.authorizedUsers')}
              width="sm"
              min={1}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
          </ProForm.Group>
          <ProForm.Group>
            <ProFormDatePicker
              name="orderDate"
              label={t('ops.field.orderDate')}
              width="sm"
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
            <ProFormDatePicker
              name="startDate"
              label={t('ops.field.startDate')}
              width="sm"
              dependencies={['orderDate']}
              rules={[
                { required: true, message: t('ops.validation.required') },
                ({ getFieldValue }: RuleForm) => ({
                  validator: (_rule: RuleObject, value: Dayjs | undefined) => {
                    const order = getFieldValue('orderDate') as Dayjs | undefined;
                    return value && order && value.isBefore(order, 'day')
                      ? Promise.reject(new Error(t('ops.validation.startBeforeOrder')))
                      : Promise.resolve();
                  },
                }),
              ]}
            />
            <ProFormDependency name={['licenseType']}>
              {({ licenseType }: { licenseType?: LicenseType }) =>
                licenseType === 'PERPETUAL' ? null : (
                  <ProFormDatePicker
                    name="expiryDate"
                    label={t('ops.field.expiryDate')}
                    width="sm"
                    dependencies={['startDate']}
                    rules={[
                      { required: true, message: t('ops.validation.expiryRequired') },
                      ({ getFieldValue }: RuleForm) => ({
                        validator: (_rule: RuleObject, value: Dayjs | undefined) => {
                          const start = getFieldValue('startDate') as Dayjs | undefined;
                          return value && start && !value.isAfter(start, 'day')
                            ? Promise.reject(new Error(t('ops.validation.expiryAfterStart')))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                  />
                )
              }
            </ProFormDependency>
          </ProForm.Group>
          <ProFormTextArea
            name="notes"
            label={t('ops.field.notes')}
            fieldProps={{ maxLength: 10000, rows: 3 }}
          />
          <FormAlert feedback={errors.feedback} onReload={errors.clear} onClose={errors.clear} />
        </ProForm>
      </Col>
      <Col {...contextColumn}>
        <ProCard bordered size="small" title={t('ops.create.aboutTitle')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('ops.create.about')}
          </Typography.Paragraph>
        </ProCard>
      </Col>
    </Row>
  );
}

/** The sales rep and reseller that come with the chosen customer. */
function CustomerParties({ customer }: { customer: CustomerDto | undefined }) {
  const reps = useNames('salesRep', [customer?.salesRepId]);
  const resellers = useNames('reseller', [customer?.resellerId]);
  if (!customer) return t('ops.create.customerHelp');
  const rep = customer.salesRepId
    ? (reps.nameOf(customer.salesRepId) ?? t('state.unknownName'))
    : t('ops.create.none');
  const reseller = customer.resellerId
    ? (resellers.nameOf(customer.resellerId) ?? t('state.unknownName'))
    : t('ops.create.direct');
  return t('ops.create.parties', { rep, reseller });
}

/** The generated License ID, with where to go next. */
function Created({ license, onAnother }: { license: LicenseDto; onAnother: () => void }) {
  const id = license.id!;
  return (
    <Result
      status="success"
      title={t('ops.create.success')}
      subTitle={
        <Space direction="vertical" size={4}>
          <span>{t('ops.create.generatedId')}</span>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <span data-testid="created-license-id">{id}</span>
          </Typography.Title>
        </Space>
      }
      extra={[
        <Link key="open" to={`/licenses/${id}`}>
          {t('ops.create.open', { id })}
        </Link>,
        <Link key="deploy" to={`/operations?action=deployment&license=${encodeURIComponent(id)}`}>
          {t('ops.create.scheduleNext')}
        </Link>,
        <Button key="another" onClick={onAnother}>
          {t('ops.create.another')}
        </Button>,
      ]}
    />
  );
}
