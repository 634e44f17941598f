import { useMemo, useRef, useState, type ReactNode } from 'react';
import { ProFormSelect } from '@ant-design/pro-components';
import { Form } from 'antd';
import type { Rule } from 'antd/es/form';
import { describeError } from '../../components/SectionState';
import { useNames } from '../../domain/names';
import { statusLabel } from '../../domain/license';
import { t } from '../../i18n';
import {
  useCustomerSearch,
  useEngineerSearch,
  useLicense,
  useLicenseSearch,
  type CustomerDto,
  type EngineerDto,
  type LicenseDto,
} from './queries';

/**
 * What a search picker shows instead of options: searching, the service being down, no match.
 * Plain text: pro-components deep-compares a select's fieldProps, which React elements defeat.
 */
function noOptions(query: { isFetching: boolean; error: unknown }, emptyText: string): string {
  if (query.error) return describeError(query.error).title;
  if (query.isFetching) return t('state.loading');
  return emptyText;
}

/** A value the picker shows by label: `{ value: uuid, label: name }` (antd labelInValue). */
export interface Picked {
  value: string;
  label?: ReactNode;
}

interface LicensePickerProps {
  name?: string;
  /** Called with the license id when the user picks or clears one. */
  onPick?: (id: string | undefined) => void;
  rules?: Rule[];
  extra?: ReactNode;
}

/**
 * License picker: searches licenses by id, notes or customer name as the user types and shows
 * "ENT-202612-000001 — Customer (Status)". The value is the License ID (a business key).
 */
export function LicensePicker({ name = 'licenseId', onPick, rules, extra }: LicensePickerProps) {
  const form = Form.useFormInstance();
  const value = Form.useWatch<string | undefined>(name, form);
  const [search, setSearch] = useState('');
  const results = useLicenseSearch(search);
  const selected = useLicense(value);

  const licenses = useMemo(() => {
    const list: LicenseDto[] = [...(results.data ?? [])];
    if (selected.data?.id && !list.some((l) => l.id === selected.data.id)) list.unshift(selected.data);
    return list;
  }, [results.data, selected.data]);
  const customers = useNames(
    'customer',
    licenses.map((l) => l.customerId),
  );

  const options = licenses.map((license) => {
    const customer = customers.nameOf(license.customerId);
    const status = license.status ? statusLabel(license.status) : '';
    const text = [license.id, customer && `— ${customer}`, status && `(${status})`].filter(Boolean).join(' ');
    return { value: license.id!, label: text };
  });

  return (
    <ProFormSelect
      name={name}
      label={t('ops.field.license')}
      rules={[{ required: true, message: t('ops.validation.licenseRequired') }, ...(rules ?? [])]}
      extra={extra}
      placeholder={t('ops.placeholder.license')}
      fieldProps={{
        showSearch: true,
        filterOption: false,
        allowClear: true,
        onSearch: setSearch,
        onChange: (next: unknown) => {
          setSearch('');
          onPick?.(typeof next === 'string' ? next : undefined);
        },
        options,
        notFoundContent: noOptions(results, t('ops.picker.noLicense')),
        popupMatchSelectWidth: false,
      }}
    />
  );
}

interface CustomerPickerProps {
  name?: string;
  onPick?: (customer: CustomerDto | undefined) => void;
  extra?: ReactNode;
}

/** Customer picker: searches customers by name as the user types; the value is `{ value: id, label: name }`. */
export function CustomerPicker({ name = 'customerId', onPick, extra }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const results = useCustomerSearch(search);
  const seen = useRef(new Map<string, CustomerDto>());
  for (const customer of results.data ?? []) if (customer.id) seen.current.set(customer.id, customer);

  const options = (results.data ?? []).map((c) => ({
    value: c.id!,
    label: c.name ?? t('state.unknownName'),
  }));

  return (
    <ProFormSelect
      name={name}
      label={t('ops.field.customer')}
      rules={[{ required: true, message: t('ops.validation.customerRequired') }]}
      extra={extra}
      placeholder={t('ops.placeholder.customer')}
      fieldProps={{
        showSearch: true,
        filterOption: false,
        labelInValue: true,
        allowClear: true,
        onSearch: setSearch,
        onChange: (next: unknown) => {
          setSearch('');
          const id = (next as Picked | undefined)?.value;
          onPick?.(id ? seen.current.get(id) : undefined);
        },
        options,
        notFoundContent: noOptions(results, t('ops.picker.noCustomer')),
      }}
    />
  );
}

interface EngineerPickerProps {
  name?: string;
  extra?: ReactNode;
}

/** Engineer picker: active engineers searched by name or e-mail; the value is `{ value: id, label: name }`. */
export function EngineerPicker({ name = 'engineerId', extra }: EngineerPickerProps) {
  const [search, setSearch] = useState('');
  const results = useEngineerSearch(search);
  const options = (results.data ?? []).map((e: EngineerDto) => ({
    value: e.id!,
    label: e.name ?? t('state.unknownName'),
  }));
  return (
    <ProFormSelect
      name={name}
      label={t('ops.field.engineer')}
      rules={[{ required: true, message: t('ops.validation.engineerRequired') }]}
      extra={extra}
      placeholder={t('ops.placeholder.engineer')}
      fieldProps={{
        showSearch: true,
        filterOption: false,
        labelInValue: true,
        allowClear: true,
        onSearch: setSearch,
        onChange: () => setSearch(''),
        options,
        notFoundContent: noOptions(results, t('ops.picker.noEngineer')),
      }}
    />
  );
}
