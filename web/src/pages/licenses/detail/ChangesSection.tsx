import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { SectionState } from '../../../components/SectionState';
import { statusLabel } from '../../../domain/license';
import { useNames } from '../../../domain/names';
import { PartyNameOf } from '../PartyNameOf';
import { formatDate, formatDateTime, formatNumber, t } from '../../../i18n';
import {
  PARTY_FIELDS,
  changeSourceLabel,
  fieldLabel,
  isDateField,
  isPartyField,
  licenseTypeLabel,
  parseUsageValue,
  withoutIds,
  type ChangeEntry,
  type PartyField,
} from '../licenseFormat';
import { fetchChanges, licenseKeys } from '../licenseQueries';
import { Section } from './Section';

const PAGE_SIZE = 20;

/** The ids a page of changes refers to in one party field (old and new values). */
function idsIn(entries: readonly ChangeEntry[], field: PartyField): string[] {
  return entries
    .filter((e) => e.field === field)
    .flatMap((e) => [e.oldValue, e.newValue].filter((v): v is string => !!v));
}

/** Who changed which field of the license, when, from what to what, why and through what. */
export function ChangesSection({ licenseId }: { licenseId: string }) {
  const [page, setPage] = useState(0);
  const query = useQuery({
    queryKey: licenseKeys.changes(licenseId, page, PAGE_SIZE),
    queryFn: () => fetchChanges(licenseId, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const entries = query.data?.content ?? [];
  const names = {
    customerId: useNames('customer', idsIn(entries, 'customerId')),
    salesRepId: useNames('salesRep', idsIn(entries, 'salesRepId')),
    resellerId: useNames('reseller', idsIn(entries, 'resellerId')),
  };

  /** A value as people read it: status and type labels, dates, names instead of ids. */
  const valueOf = (field: string | undefined, value: string | undefined): ReactNode => {
    if (value === undefined || value === null || value === '') {
      return <Typography.Text type="secondary">{t('licenses.change.none')}</Typography.Text>;
    }
    if (field === 'status') return statusLabel(value);
    if (field === 'licenseType') return licenseTypeLabel(value);
    if (isDateField(field)) return formatDate(value);
    if (isPartyField(field))
      return <PartyNameOf party={PARTY_FIELDS[field]} id={value} names={names[field]} />;
    if (field === 'usage') {
      const usage = parseUsageValue(value);
      if (usage) {
        return t('licenses.change.usageValue', {
          users: formatNumber(usage.users),
          workspaces: formatNumber(usage.workspaces),
        });
      }
    }
    return withoutIds(value);
  };

  return (
    <Section title={t('licenses.section.changes')} testId="section-changes">
      <SectionState
        query={query}
        isEmpty={(data) => !data.content?.length}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licenses.change.empty')} />}
      >
        {(data) => (
          <Table<ChangeEntry>
            rowKey={(e) => `${e.at}-${e.field}-${e.oldValue}-${e.newValue}`}
            dataSource={data.content}
            loading={query.isFetching && query.isPlaceholderData}
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page + 1,
              pageSize: PAGE_SIZE,
              total: data.page?.totalElements ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (next) => setPage(next - 1),
            }}
            columns={[
              { title: t('licenses.change.at'), key: 'at', render: (_, e) => formatDateTime(e.at) },
              {
                title: t('licenses.change.actor'),
                key: 'actor',
                // "bob, via purchase …": the person behind a change another service applied
                render: (_, e) =>
                  e.via
                    ? t('licenses.change.actorVia', { actor: e.actor || '—', via: withoutIds(e.via) })
                    : e.actor || '—',
              },
              { title: t('licenses.change.field'), key: 'field', render: (_, e) => fieldLabel(e.field) },
              {
                title: t('licenses.change.values'),
                key: 'values',
                render: (_, e) => (
                  <Space size={4} wrap>
                    <span>{valueOf(e.field, e.oldValue)}</span>
                    <span>→</span>
                    <span>{valueOf(e.field, e.newValue)}</span>
                  </Space>
                ),
              },
              {
                title: t('licenses.change.reason'),
                key: 'reason',
                render: (_, e) => withoutIds(e.reason) || '—',
              },
              {
                title: t('licenses.change.source'),
                key: 'source',
                render: (_, e) => changeSourceLabel(e.source),
              },
            ]}
          />
        )}
      </SectionState>
    </Section>
  );
}
