import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { deploymentApi } from '../../api/clients';
import { describeError } from '../../components/SectionState';
import { useNames } from '../../domain/names';
import { t } from '../../i18n';
import { useDebouncedValue } from '../../lib/forms';

interface Option {
  value: string;
  label: string;
}

const PAGE = 20;

/** Engineers (active or not: a filter also finds past work) whose name or e-mail contain `q`. */
async function searchEngineers(q: string): Promise<Option[]> {
  const query = { q: q || undefined, page: 0, size: PAGE, sort: ['name,asc'] };
  const content = (await deploymentApi.GET('/api/v1/engineers', { params: { query } })).data?.content ?? [];
  return content
    .filter((e): e is typeof e & { id: string; name: string } => !!e.id && !!e.name)
    .map((e) => ({
      value: e.id,
      label: e.active === false ? t('engineers.inactiveName', { name: e.name }) : e.name,
    }));
}

interface Props {
  /** Set by Form.Item: the field's id (the label points at it), value and change handler. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
}

/**
 * A select that searches engineers by name as the user types and keeps the chosen id; a value
 * that came from the URL is shown by its name (never the id).
 */
export function EngineerSelect({ id, value, onChange, placeholder }: Props) {
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState('');
  const q = useDebouncedValue(term.trim(), 300);
  const [picked, setPicked] = useState<Record<string, string>>({});

  const results = useQuery({
    queryKey: ['engineers', 'search', 'any', q],
    queryFn: () => searchEngineers(q),
    enabled: open,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const names = useNames('engineer', value && !picked[value] ? [value] : []);

  const options = useMemo(() => {
    const list = results.data ?? [];
    if (!value || list.some((o) => o.value === value)) return list;
    const label =
      picked[value] ?? names.nameOf(value) ?? (names.isPending ? t('state.loading') : t('state.unknownName'));
    return [{ value, label }, ...list];
  }, [results.data, value, picked, names]);

  let notFound: ReactNode = t('engineers.picker.noMatch');
  if (results.isFetching) notFound = t('state.loading');
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
      placeholder={placeholder ?? t('engineers.picker.typeToSearch')}
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
