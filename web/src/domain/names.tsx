import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { customerApi, deploymentApi, salesApi } from '../api/clients';
import { t } from '../i18n';

/** The people and organisations a license refers to by id, shown by name. */
export type Party = 'customer' | 'salesRep' | 'reseller' | 'engineer';

const MAX_IDS = 100;

function distinct(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id))].sort().slice(0, MAX_IDS);
}

type Named = { id?: string; name?: string };

/** One request for all ids of a kind (the lists take repeated `id` parameters). */
async function fetchNames(party: Party, ids: string[]): Promise<Record<string, string>> {
  const query = { id: ids, size: ids.length, page: 0 };
  let content: Named[] | undefined;
  switch (party) {
    case 'customer':
      content = (await customerApi.GET('/api/v1/customers', { params: { query } })).data?.content;
      break;
    case 'salesRep':
      content = (await salesApi.GET('/api/v1/sales-reps', { params: { query } })).data?.content;
      break;
    case 'reseller':
      content = (await salesApi.GET('/api/v1/resellers', { params: { query } })).data?.content;
      break;
    case 'engineer':
      content = (await deploymentApi.GET('/api/v1/engineers', { params: { query } })).data?.content;
      break;
  }
  return Object.fromEntries((content ?? []).filter((c) => c.id && c.name).map((c) => [c.id!, c.name!]));
}

/**
 * Names for the ids on a page, with one request per kind of party whatever the page size. While
 * loading or when the owning service is down, `nameOf` returns undefined and callers show a
 * placeholder, never the raw id.
 */
export function useNames(party: Party, ids: readonly (string | null | undefined)[]) {
  const wanted = distinct(ids);
  const query = useQuery({
    queryKey: ['names', party, wanted],
    queryFn: () => fetchNames(party, wanted),
    enabled: wanted.length > 0,
    staleTime: 5 * 60_000,
  });
  return {
    nameOf: (id: string | null | undefined) => (id ? query.data?.[id] : undefined),
    isPending: query.isPending && wanted.length > 0,
    error: query.error,
  };
}

const detailPath: Record<Party, string> = {
  customer: '/customers',
  salesRep: '/sales-reps',
  reseller: '/resellers',
  engineer: '/engineers',
};

/** A party's name linking to its page; a neutral placeholder while unknown. */
export function PartyName({
  party,
  id,
  name,
}: {
  party: Party;
  id: string | null | undefined;
  name: string | undefined;
}) {
  if (!id) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!name) return <Typography.Text type="secondary">{t('state.unknownName')}</Typography.Text>;
  return <Link to={`${detailPath[party]}/${id}`}>{name}</Link>;
}
