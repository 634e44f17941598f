import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { customerApi } from '../../api/clients';
import { describeError } from '../../components/SectionState';
import { useNames } from '../../domain/names';
import { t } from '../../i18n';

interface Props {
  /** Injected by Form.Item: the field's id (so its label points here), value and onChange. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Picks a customer by name (search as you type, 20 at a time); the value is the customer's id, never
 * shown. The chosen customer's name comes from the shared names lookup.
 */
export function CustomerPicker({ id, value, onChange }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const results = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: async ({ signal }) => {
      const { data } = await customerApi.GET('/api/v1/customers', {
        params: { query: { q: q || undefined, size: 20, sort: ['name,asc'] } },
        signal,
      });
      return (data?.content ?? [])
        .filter((c) => c.id && c.name)
        .map((c) => ({ value: c.id!, label: c.name! }));
    },
    staleTime: 60_000,
  });
  const chosen = useNames('customer', value ? [value] : []);

  const options = [...(results.data ?? [])];
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: chosen.nameOf(value) ?? t('state.unknownName') });
  }

  const notFound = results.isFetching ? (
    <Spin size="small" />
  ) : results.error ? (
    <Typography.Text type="warning">{describeError(results.error).title}</Typography.Text>
  ) : (
    t('alerts.customer.none')
  );

  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next ?? undefined)}
      onSearch={setSearch}
      onOpenChange={(open) => !open && setSearch('')}
      options={options}
      placeholder={t('alerts.customer.placeholder')}
      notFoundContent={notFound}
      loading={results.isFetching}
    />
  );
}
