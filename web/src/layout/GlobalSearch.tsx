import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { AutoComplete, Input, Space, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { customerApi, deploymentApi, salesApi } from '../api/clients';
import { describeError } from '../components/SectionState';
import { t, type MessageKey } from '../i18n';
import { useDebouncedValue } from '../lib/forms';
import { classifySearch, licensePath } from './globalSearch';

/** One person or organisation found: shown by name (and e-mail), never by id. */
interface Hit {
  id: string;
  name: string;
  email?: string;
}

const HITS_PER_GROUP = 5;

/** A group of suggestions (customers, sales reps, engineers); the value is the page to open. */
interface OptionGroup {
  label: ReactNode;
  options: { value: string; label: ReactNode; disabled?: boolean }[];
}

type Search = (q: string, signal: AbortSignal) => Promise<Hit[]>;

function hitsOf(
  content: { id?: string; name?: string }[] | undefined,
  email: (i: number) => string | undefined,
) {
  return (content ?? []).flatMap((item, index) =>
    item.id && item.name ? [{ id: item.id, name: item.name, email: email(index) }] : [],
  );
}

const searchCustomers: Search = async (q, signal) => {
  const query = { q, page: 0, size: HITS_PER_GROUP, sort: ['name,asc'] };
  const content = (await customerApi.GET('/api/v1/customers', { params: { query }, signal })).data?.content;
  return hitsOf(content, (i) => content?.[i]?.contactEmail);
};

const searchSalesReps: Search = async (q, signal) => {
  const query = { q, page: 0, size: HITS_PER_GROUP, sort: ['name,asc'] };
  const content = (await salesApi.GET('/api/v1/sales-reps', { params: { query }, signal })).data?.content;
  return hitsOf(content, (i) => content?.[i]?.email);
};

const searchEngineers: Search = async (q, signal) => {
  const query = { q, page: 0, size: HITS_PER_GROUP, sort: ['name,asc'] };
  const content = (await deploymentApi.GET('/api/v1/engineers', { params: { query }, signal })).data?.content;
  return hitsOf(content, (i) => content?.[i]?.email);
};

/** The kinds of results, in the order they are listed; each query key starts with its resource. */
const GROUPS: { resource: string; path: string; title: MessageKey; search: Search }[] = [
  { resource: 'customers', path: '/customers', title: 'globalSearch.customers', search: searchCustomers },
  { resource: 'sales-reps', path: '/sales-reps', title: 'globalSearch.salesReps', search: searchSalesReps },
  { resource: 'engineers', path: '/engineers', title: 'globalSearch.engineers', search: searchEngineers },
];

function HitLabel({ hit }: { hit: Hit }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text>{hit.name}</Typography.Text>
      {hit.email && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hit.email}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * The header's search (staff): a License ID opens that license; other text finds customers (name,
 * contact or e-mail), sales reps and engineers (name or e-mail), grouped, as the user types.
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const input = classifySearch(value);
  const q = useDebouncedValue(input.kind === 'text' ? input.q : '', 300);

  const results = useQueries({
    queries: GROUPS.map((group) => ({
      queryKey: [group.resource, 'global-search', q],
      queryFn: ({ signal }: { signal: AbortSignal }) => group.search(q, signal),
      enabled: q !== '',
      staleTime: 30_000,
      placeholderData: keepPreviousData,
    })),
  });

  const go = (path: string) => {
    setValue('');
    setOpen(false);
    navigate(path);
  };

  let options: OptionGroup[] = [];
  let notFound: string | undefined;
  if (input.kind === 'license') {
    options = [
      {
        label: t('globalSearch.licenses'),
        options: [{ value: licensePath(input.id), label: t('globalSearch.openLicense', { id: input.id }) }],
      },
    ];
  } else if (input.kind === 'text' && q !== '') {
    options = GROUPS.flatMap((group, index): OptionGroup[] => {
      const result = results[index];
      const title = t(group.title);
      if (result.error) {
        return [
          {
            label: title,
            options: [
              { value: `error:${group.resource}`, label: describeError(result.error).title, disabled: true },
            ],
          },
        ];
      }
      if (!result.data) {
        return [
          {
            label: title,
            options: [
              {
                value: `loading:${group.resource}`,
                label: (
                  <Space>
                    <Spin size="small" />
                    {t('state.loading')}
                  </Space>
                ),
                disabled: true,
              },
            ],
          },
        ];
      }
      if (result.data.length === 0) return [];
      return [
        {
          label: title,
          options: result.data.map((hit) => ({
            value: `${group.path}/${hit.id}`,
            label: <HitLabel hit={hit} />,
          })),
        },
      ];
    });
    if (options.length === 0) notFound = t('globalSearch.nothing', { q });
  } else if (input.kind === 'short') {
    notFound = t('globalSearch.typeMore');
  }

  return (
    <AutoComplete
      value={value}
      onChange={(next: string) => setValue(next ?? '')}
      onSelect={(path: string) => go(path)}
      onOpenChange={setOpen}
      // Enter opens the first suggestion (the license, or the first person found).
      defaultActiveFirstOption
      options={options}
      notFoundContent={notFound}
      popupMatchSelectWidth={360}
      style={{ width: 320, maxWidth: '100%' }}
    >
      <Input
        aria-label={t('globalSearch.label')}
        data-testid="global-search"
        placeholder={t('globalSearch.placeholder')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        maxLength={200}
        onPressEnter={() => {
          // With the list open, Enter picks the active suggestion; closed, a License ID still opens.
          if (!open && input.kind === 'license') go(licensePath(input.id));
        }}
      />
    </AutoComplete>
  );
}
