import { useState } from 'react';
import {
  ProForm,
  ProFormDatePicker,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button, Col, Form, Result, Row } from 'antd';
import type { Rule, RuleObject, RuleRender } from 'antd/es/form';

/** The form a rule function receives. */
type RuleForm = Parameters<RuleRender>[0];
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { salesApi } from '../../api/clients';
import type { components } from '../../api/schema/sales-service';
import { PRODUCT_TYPES } from '../../domain/license';
import { formatDate, formatMoney, formatNumber, t, type MessageKey } from '../../i18n';
import {
  invalidateLicenseData,
  optionalText,
  toIsoDate,
  useFormErrors,
  useIdempotencyKey,
} from '../../lib/forms';
import { FormAlert } from './FormAlert';
import { LicenseSummary } from './LicenseSummary';
import { LicensePicker } from './pickers';
import { opsKeys, useLicense, type LicenseDto } from './queries';
import { contextColumn, formColumn, submitButton, useLicenseFromUrl, type OperationProps } from './shared';

type NewPurchaseRequest = components['schemas']['NewPurchaseRequest'];
type PurchaseDto = components['schemas']['PurchaseDto'];
export type PurchaseType = NewPurchaseRequest['type'];
export const PURCHASE_TYPES: PurchaseType[] = ['NEW', 'RENEWAL', 'EXPANSION', 'UPGRADE'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'AUD', 'CAD', 'CHF', 'SGD', 'HKD', 'INR'];

export interface PurchaseValues {
  licenseId?: string;
  type: PurchaseType;
  purchaseDate?: Dayjs;
  amount?: number;
  currency: string;
  orderReference?: string;
  periodStart?: Dayjs | null;
  periodEnd?: Dayjs | null;
  workspacesAfter?: number | null;
  usersAfter?: number | null;
  productTypeAfter?: string;
  notes?: string;
}

/** Which fields a type of purchase takes (the others are left out of the request). */
const FIELDS_OF: Record<PurchaseType, (keyof PurchaseValues)[]> = {
  NEW: ['periodStart', 'periodEnd'],
  RENEWAL: ['periodStart', 'periodEnd'],
  EXPANSION: ['workspacesAfter', 'usersAfter'],
  UPGRADE: ['productTypeAfter', 'workspacesAfter', 'usersAfter'],
};

export function toPurchaseRequest(values: PurchaseValues): NewPurchaseRequest {
  const takes = (field: keyof PurchaseValues) => FIELDS_OF[values.type].includes(field);
  return {
    licenseId: values.licenseId!,
    type: values.type,
    purchaseDate: toIsoDate(values.purchaseDate)!,
    amount: values.amount!,
    currency: values.currency,
    orderReference: optionalText(values.orderReference),
    notes: optionalText(values.notes),
    periodStart: takes('periodStart') ? toIsoDate(values.periodStart) : undefined,
    periodEnd: takes('periodEnd') ? toIsoDate(values.periodEnd) : undefined,
    workspacesAfter: takes('workspacesAfter') ? (values.workspacesAfter ?? undefined) : undefined,
    usersAfter: takes('usersAfter') ? (values.usersAfter ?? undefined) : undefined,
    productTypeAfter: takes('productTypeAfter') ? values.productTypeAfter : undefined,
  };
}

/** Records a purchase of a license: new, renewal, expansion or upgrade, with the fields each needs. */
export function PurchaseForm({ licenseId, onLicensePick }: OperationProps) {
  const [form] = Form.useForm<PurchaseValues>();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFormErrors(form);
  const [recorded, setRecorded] = useState<PurchaseDto>();
  useLicenseFromUrl(form, licenseId);
  const chosen = Form.useWatch('licenseId', form) ?? licenseId;
  const license = useLicense(chosen).data;
  const type: PurchaseType = Form.useWatch('type', form) ?? 'RENEWAL';

  const mutation = useMutation({
    mutationFn: async (body: NewPurchaseRequest) =>
      (
        await salesApi.POST('/api/v1/purchases', {
          body,
          params: { header: { 'Idempotency-Key': idempotency.key } },
        })
      ).data!,
  });

  const submit = async (values: PurchaseValues) => {
    errors.clear();
    try {
      const purchase = await mutation.mutateAsync(toPurchaseRequest(values));
      // license-service applies the purchase from its event: refetch while it lands
      invalidateLicenseData(queryClient, { eventual: true, purchases: true, alerts: true });
      idempotency.renew();
      setRecorded(purchase);
    } catch (error) {
      errors.report(error);
    }
  };

  const reload = () => {
    if (chosen) void queryClient.invalidateQueries({ queryKey: opsKeys.license(chosen) });
    errors.clear();
  };

  const another = () => {
    setRecorded(undefined);
    mutation.reset();
    form.resetFields([
      'type',
      'amount',
      'orderReference',
      'notes',
      ...new Set(Object.values(FIELDS_OF).flat()),
    ]);
  };

  if (recorded) return <Recorded purchase={recorded} onAnother={another} />;

  return (
    <Row gutter={[24, 24]}>
      <Col {...formColumn}>
        <ProForm<PurchaseValues>
          name="record-purchase"
          form={form}
          layout="vertical"
          dateFormatter={false}
          initialValues={{
            licenseId,
            type: 'RENEWAL',
            currency: 'USD',
            purchaseDate: dayjs().startOf('day'),
          }}
          onFinish={submit}
          submitter={submitButton(t('ops.purchase.submit'), mutation.isPending)}
        >
          <LicensePicker onPick={onLicensePick} />
          <ProFormRadio.Group
            name="type"
            label={t('ops.field.purchaseType')}
            radioType="button"
            options={PURCHASE_TYPES.map((type) => ({
              value: type,
              label: t(`ops.purchaseType.${type}` as MessageKey),
            }))}
            rules={[{ required: true, message: t('ops.validation.required') }]}
            extra={t(`ops.purchaseType.${type}.help` as MessageKey)}
          />
          <TypeFields type={type} license={license} />
          <ProForm.Group>
            <ProFormDatePicker
              name="purchaseDate"
              label={t('ops.field.purchaseDate')}
              width="sm"
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
            <ProFormDigit
              name="amount"
              label={t('ops.field.amount')}
              width="sm"
              min={0}
              fieldProps={{ precision: 2, step: 100 }}
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
            <CurrencySelect />
          </ProForm.Group>
          <ProFormText
            name="orderReference"
            label={t('ops.field.orderReference')}
            width="md"
            fieldProps={{ maxLength: 100 }}
          />
          <ProFormTextArea
            name="notes"
            label={t('ops.field.notes')}
            fieldProps={{ maxLength: 10000, rows: 3 }}
          />
          <FormAlert feedback={errors.feedback} onReload={reload} onClose={errors.clear} />
        </ProForm>
      </Col>
      <Col {...contextColumn}>
        <LicenseSummary licenseId={chosen} />
      </Col>
    </Row>
  );
}

/** The fields a purchase type needs, checked against the license as it is now. */
function TypeFields({ type, license }: { type: PurchaseType; license: LicenseDto | undefined }) {
  const expiry = license?.expiryDate ? dayjs(license.expiryDate) : undefined;
  const notBelow = (current: number | undefined): Rule => ({
    validator: (_rule: RuleObject, value: number | null | undefined) =>
      type === 'EXPANSION' && value != null && current != null && value < current
        ? Promise.reject(new Error(t('ops.validation.notBelowCurrent', { current: formatNumber(current) })))
        : Promise.resolve(),
  });
  const raisesOne: Rule = ({ getFieldValue }: RuleForm) => ({
    validator: () => {
      if (type !== 'EXPANSION') return Promise.resolve();
      const workspaces = getFieldValue('workspacesAfter') as number | null | undefined;
      const users = getFieldValue('usersAfter') as number | null | undefined;
      const raises =
        (workspaces != null &&
          (license?.authorizedWorkspaces == null || workspaces > license.authorizedWorkspaces)) ||
        (users != null && (license?.authorizedUsers == null || users > license.authorizedUsers));
      return raises ? Promise.resolve() : Promise.reject(new Error(t('ops.validation.expansionRaises')));
    },
  });

  if (type === 'NEW' || type === 'RENEWAL') {
    return (
      <ProForm.Group>
        <ProFormDatePicker name="periodStart" label={t('ops.field.periodStart')} width="sm" />
        <ProFormDatePicker
          name="periodEnd"
          label={type === 'RENEWAL' ? t('ops.field.newExpiry') : t('ops.field.periodEnd')}
          width="sm"
          dependencies={['periodStart']}
          extra={
            type === 'RENEWAL' && expiry
              ? t('ops.purchase.currentExpiry', { date: formatDate(license?.expiryDate) })
              : undefined
          }
          rules={[
            ...(type === 'RENEWAL'
              ? [{ required: true, message: t('ops.validation.periodEndRequired') }]
              : []),
            ({ getFieldValue }: RuleForm) => ({
              validator: (_rule: RuleObject, value: Dayjs | null | undefined) => {
                const start = getFieldValue('periodStart') as Dayjs | null | undefined;
                if (value && start && value.isBefore(start, 'day')) {
                  return Promise.reject(new Error(t('ops.validation.periodEndBeforeStart')));
                }
                if (type === 'RENEWAL' && value && expiry && !value.isAfter(expiry, 'day')) {
                  return Promise.reject(
                    new Error(
                      t('ops.validation.renewalAfterExpiry', { date: formatDate(license?.expiryDate) }),
                    ),
                  );
                }
                return Promise.resolve();
              },
            }),
          ]}
        />
      </ProForm.Group>
    );
  }

  return (
    <>
      {type === 'UPGRADE' && (
        <ProFormRadio.Group
          name="productTypeAfter"
          label={t('ops.field.productTypeAfter')}
          radioType="button"
          options={PRODUCT_TYPES.map((p) => ({ value: p, label: p, disabled: p === license?.productType }))}
          extra={
            license?.productType
              ? t('ops.purchase.currentProduct', { product: license.productType })
              : undefined
          }
          rules={[
            { required: true, message: t('ops.validation.productTypeAfterRequired') },
            {
              validator: (_rule: RuleObject, value: string | undefined) =>
                value && value === license?.productType
                  ? Promise.reject(new Error(t('ops.validation.sameProduct')))
                  : Promise.resolve(),
            },
          ]}
        />
      )}
      <ProForm.Group>
        <ProFormDigit
          name="workspacesAfter"
          label={t('ops.field.workspacesAfter')}
          width="sm"
          min={1}
          fieldProps={{ precision: 0 }}
          dependencies={['usersAfter']}
          extra={
            license ? t('ops.purchase.now', { value: formatNumber(license.authorizedWorkspaces) }) : undefined
          }
          rules={[notBelow(license?.authorizedWorkspaces), raisesOne]}
        />
        <ProFormDigit
          name="usersAfter"
          label={t('ops.field.usersAfter')}
          width="sm"
          min={1}
          fieldProps={{ precision: 0 }}
          dependencies={['workspacesAfter']}
          extra={
            license ? t('ops.purchase.now', { value: formatNumber(license.authorizedUsers) }) : undefined
          }
          rules={[notBelow(license?.authorizedUsers)]}
        />
      </ProForm.Group>
    </>
  );
}

/** ISO 4217 code: the usual ones to pick, or any other typed in capitals. */
function CurrencySelect() {
  const [search, setSearch] = useState('');
  const typed = search.trim().toUpperCase();
  const codes = /^[A-Z]{3}$/.test(typed) && !CURRENCIES.includes(typed) ? [typed, ...CURRENCIES] : CURRENCIES;
  return (
    <ProFormSelect
      name="currency"
      label={t('ops.field.currency')}
      width="xs"
      options={codes.map((code) => ({ value: code, label: code }))}
      rules={[
        { required: true, message: t('ops.validation.required') },
        { pattern: /^[A-Z]{3}$/, message: t('ops.validation.currency') },
      ]}
      fieldProps={{ showSearch: true, allowClear: false, onSearch: setSearch }}
    />
  );
}

function Recorded({ purchase, onAnother }: { purchase: PurchaseDto; onAnother: () => void }) {
  const id = purchase.licenseId!;
  return (
    <Result
      status="success"
      title={t('ops.purchase.success')}
      subTitle={t('ops.purchase.successDetail', {
        type: t(`ops.purchaseType.${purchase.type!}` as MessageKey),
        amount: formatMoney(purchase.amount, purchase.currency),
        id,
      })}
      extra={[
        <Link key="open" to={`/licenses/${id}`}>
          {t('ops.create.open', { id })}
        </Link>,
        <Button key="another" onClick={onAnother}>
          {t('ops.purchase.another')}
        </Button>,
      ]}
    />
  );
}
