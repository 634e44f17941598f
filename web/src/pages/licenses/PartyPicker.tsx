import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { customerApi, salesApi } from '../../api/clients';
import { describeError } from '../../components/SectionState';
import { useNames } from '../../domain/names';
import { t } from '../../i18n';

/** The parties the license list filters by. */
export type PickerParty = 'customer' | 'reseller' | 'salesRep';

interface Option {
  value: string;
  label: string;
}

const PAGE = 20;

async function search(party: PickerParty, q: string): Promise<Option[]> {
  const query = { q: q || undefined, page: 0, size: PAGE, sort: ['name,asc'] };
  let content: { id?: string; name?: string }[] | undefined;
  switch (party) {
    case 'customer':
      content = (await customerApi.GET('/api/v1/customers', { params: { query } })).data?.content;
      break;
    case 'reseller':
      content = (await salesApi.GET('/api/v1/resellers', { params: { query } })).data?.content;
      break;
    case 'salesRep':
      content = (await salesApi.GET('/api/v1/sales-reps', { params: { query } })).data?.content;
      break;
  }
  return (content ?? [])
    .filter((c): c is { id: string; name: string } => !!c.id && !!c.name)
    .map((c) => ({ value: c.id, label: c.name }));
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface Props {
  party: PickerParty;
  /** Set by Form.Item: the field's id (the label points at it), value and change handler. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
}

/**
 * A select that searches customers, resellers or sales reps by name as the user types and keeps
 * the chosen id; a value that came from the URL is shown by its name.
 */
export function PartyPicker({ party, id, value, onChange, placeholder }: Props) {
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim(), 300);
  // Names of what was picked here: known at once, before any lookup.
  const [picked, setPicked] = useState<Record<string, string>>({});

  const results = useQuery({
    queryKey: ['party-search', party, q],
    queryFn: () => search(party, q),
    enabled: open,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const names = useNames(party, value && !picked[value] ? [value] : []);

  const options = useMemo(() => {
    const list = results.data ?? [];
    if (!value || list.some((o) => o.value === value)) return list;
    const label =
      picked[value] ?? names.nameOf(value) ?? (names.isPending ? t('state.loading') : t('state.unknownName'));
    return [{ value, label }, ...list];
  }, [results.data, value, picked, names]);

  let notFound: ReactNode = t('licenses.picker.noMatch');
  if (results.isFetching) notFound = <Spin size="small" aria-label={t('licenses.picker.searching')} />;
  else if (results.error)
    notFound = <Typography.Text type="warning">{describeError(results.error).title}</Typography.Text>;

  return (
    <Select<string, Option>
      id={id}
      value={value}
      options={options}
      showSearch
      allowClear
      filterOption={false}
      placeholder={placeholder ?? t('licenses.picker.typeToSearch')}
      searchValue={term}
      onSearch={setTerm}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTerm('');
      }}
      onChange={(next, option) => {
        if (next && option && !Array.isArray(option))
          setPicked((before) => ({ ...before, [next]: option.label }));
        onChange?.(next ?? undefined);
      }}
      notFoundContent={notFound}
      loading={results.isFetching}
      style={{ width: '100%' }}
    />
  );
}
