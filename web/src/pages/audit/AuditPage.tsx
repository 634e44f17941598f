import { useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProTable, type ProColumns, type ProFormInstance } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Result, Space, Tag, Typography, type TablePaginationConfig } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { ErrorNotice } from '../../components/SectionState';
import { useNames, type Party } from '../../domain/names';
import { formatDateTime, formatNumber, t, type MessageKey } from '../../i18n';
import { PartyNameOf } from '../licenses/PartyNameOf';
import {
  AUDIT_ENTITY_TYPES,
  AUDIT_PAGE_SIZES,
  AUDIT_SERVICES,
  auditKeys,
  auditSearchParams,
  auditServiceLabel,
  compactAuditFilters,
  fetchAudit,
  parseAuditState,
  type AuditEntry,
  type AuditFilters,
  type AuditService,
  type AuditState,
} from './auditQuery';

type FormValues = AuditFilters;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Entity types that are a party with a name (shown by name, never by id). */
const PARTY_OF_TYPE: Record<string, Party> = {
  Customer: 'customer',
  SalesRep: 'salesRep',
  Reseller: 'reseller',
  Engineer: 'engineer',
};

/** Changed fields whose values are the id of a party. */
const PARTY_OF_FIELD: Record<string, Party> = {
  customerId: 'customer',
  salesRepId: 'salesRep',
  resellerId: 'reseller',
  engineerId: 'engineer',
};

const entityTypeLabels: Record<string, MessageKey> = {
  License: 'audit.entityType.License',
  UsageReport: 'audit.entityType.UsageReport',
  Customer: 'audit.entityType.Customer',
  SalesRep: 'audit.entityType.SalesRep',
  Reseller: 'audit.entityType.Reseller',
  Purchase: 'audit.entityType.Purchase',
  Deployment: 'audit.entityType.Deployment',
  Engineer: 'audit.entityType.Engineer',
  Alert: 'audit.entityType.Alert',
};
const entityTypeLabel = (type: string | undefined) =>
  type ? (entityTypeLabels[type] ? t(entityTypeLabels[type]) : type) : '—';

const actionLabels: Record<string, MessageKey> = {
  CREATE: 'audit.action.CREATE',
  UPDATE: 'audit.action.UPDATE',
  DELETE: 'audit.action.DELETE',
};
const actionColors: Record<string, string> = { CREATE: 'green', UPDATE: 'blue', DELETE: 'red' };

/** The request path without technical ids: /api/v1/customers/{id}. */
export function displayPath(path: string | undefined): string {
  return path ? path.replace(UUID_IN_TEXT, '{id}') : '—';
}

type Names = Record<Party, ReturnType<typeof useNames>>;

/** The ids of each party kind on the page: the entities and the party fields' old and new values. */
function partyIds(rows: AuditEntry[]): Record<Party, string[]> {
  const ids: Record<Party, string[]> = { customer: [], salesRep: [], reseller: [], engineer: [] };
  for (const row of rows) {
    const party = row.entityType ? PARTY_OF_TYPE[row.entityType] : undefined;
    if (party && row.entityId && UUID.test(row.entityId)) ids[party].push(row.entityId);
    for (const [field, change] of Object.entries(row.changes ?? {})) {
      const fieldParty = PARTY_OF_FIELD[field];
      if (!fieldParty) continue;
      for (const value of [change.oldValue, change.newValue])
        if (value && UUID.test(value)) ids[fieldParty].push(value);
    }
  }
  return ids;
}

function ChangeValue({ field, value, names }: { field: string; value: string | undefined; names: Names }) {
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  const party = PARTY_OF_FIELD[field];
  if (party && UUID.test(value)) return <PartyNameOf party={party} id={value} names={names[party]} />;
  if (UUID.test(value)) return <Typography.Text type="secondary">{t('audit.change.anId')}</Typography.Text>;
  return <Typography.Text code>{value.replace(UUID_IN_TEXT, '{id}')}</Typography.Text>;
}

function Changes({ entry, names }: { entry: AuditEntry; names: Names }) {
  const changes = Object.entries(entry.changes ?? {});
  if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {changes.map(([field, change]) => (
        <li key={field}>
          <Typography.Text strong>{field}</Typography.Text>:{' '}
          <ChangeValue field={field} value={change.oldValue} names={names} />{' '}
          <span role="img" aria-label={t('audit.change.to')}>
            →
          </span>{' '}
          <ChangeValue field={field} value={change.newValue} names={names} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The audit log of one service at /audit (admins only): who wrote what and when, from the service's
 * own table. The service, filters and page live in the URL.
 */
export default function AuditPage() {
  const { roles } = useSession();
  if (!can.viewAudit(roles)) {
    return <Result status="403" title={t('state.forbidden')} subTitle={t('audit.forbidden')} />;
  }
  return <AuditLog />;
}

function AuditLog() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => parseAuditState(new URLSearchParams(search)), [search]);
  const go = (next: AuditState) => setSearchParams(auditSearchParams(next));

  const audit = useQuery({
    queryKey: auditKeys.list(state),
    queryFn: ({ signal }) => fetchAudit(state, signal),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (audit.error ? [] : (audit.data?.content ?? [])), [audit.error, audit.data]);
  const ids = useMemo(() => partyIds(rows), [rows]);
  const names: Names = {
    customer: useNames('customer', ids.customer),
    salesRep: useNames('salesRep', ids.salesRep),
    reseller: useNames('reseller', ids.reseller),
    engineer: useNames('engineer', ids.engineer),
  };

  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const [initialValues] = useState<FormValues>(() => state.filters);
  useEffect(() => {
    const { entityType, entityId, actor } = state.filters;
    formRef.current?.setFieldsValue({ entityType, entityId, actor });
  }, [state.filters]);

  const filtered = Object.keys(state.filters).length > 0;
  const clear = () => go({ ...state, filters: {}, page: 1 });
  const only = (entry: AuditEntry) =>
    go({ ...state, filters: { entityType: entry.entityType, entityId: entry.entityId }, page: 1 });
  const total = audit.data?.page?.totalElements ?? 0;

  const types = AUDIT_ENTITY_TYPES[state.service];
  const typeOptions =
    state.filters.entityType && !types.includes(state.filters.entityType)
      ? [...types, state.filters.entityType]
      : types;

  const entity = (entry: AuditEntry) => {
    const type = entry.entityType;
    const id = entry.entityId;
    if (!id) return '—';
    const party = type ? PARTY_OF_TYPE[type] : undefined;
    if (party && UUID.test(id)) return <PartyNameOf party={party} id={id} names={names[party]} />;
    if (type === 'License') return <Link to={`/licenses/${encodeURIComponent(id)}`}>{id}</Link>;
    if (type === 'Alert' && UUID.test(id))
      return <Link to={`/alerts/${id}`}>{t('audit.entity.openAlert')}</Link>;
    if (UUID.test(id)) return <Typography.Text type="secondary">{t('audit.change.anId')}</Typography.Text>;
    return id;
  };

  const columns: ProColumns<AuditEntry>[] = [
    {
      title: t('audit.col.when'),
      key: 'occurredAt',
      search: false,
      width: 170,
      render: (_, entry) => formatDateTime(entry.occurredAt),
    },
    {
      title: t('audit.col.actor'),
      dataIndex: 'actor',
      key: 'actor',
      order: 1,
      fieldProps: { placeholder: t('audit.filter.actorPlaceholder'), maxLength: 200 },
      render: (_, entry) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{entry.actorUsername ?? t('state.unknownName')}</Typography.Text>
          {entry.actorClientId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('audit.viaClient', { client: entry.actorClientId })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('audit.col.action'),
      key: 'action',
      search: false,
      render: (_, entry) =>
        entry.action ? (
          <Tag color={actionColors[entry.action]}>
            {actionLabels[entry.action] ? t(actionLabels[entry.action]) : entry.action}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.col.request'),
      key: 'request',
      search: false,
      render: (_, entry) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {entry.requestMethod ?? ''} {displayPath(entry.requestPath)}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.col.entityType'),
      dataIndex: 'entityType',
      key: 'entityType',
      valueType: 'select',
      valueEnum: Object.fromEntries(typeOptions.map((type) => [type, { text: entityTypeLabel(type) }])),
      fieldProps: { placeholder: t('audit.any') },
      order: 3,
      hideInTable: true,
    },
    {
      title: t('audit.col.entityId'),
      dataIndex: 'entityId',
      key: 'entityId',
      order: 2,
      hideInTable: true,
      fieldProps: { placeholder: t('audit.filter.entityIdPlaceholder'), maxLength: 200 },
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      search: false,
      render: (_, entry) => (
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{entityTypeLabel(entry.entityType)}</Typography.Text>
          {entity(entry)}
          {entry.entityType && entry.entityId && (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto' }}
              onClick={() => only(entry)}
              aria-label={t('audit.onlyThis.aria', { type: entityTypeLabel(entry.entityType) })}
            >
              {t('audit.onlyThis')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('audit.col.changes'),
      key: 'changes',
      search: false,
      render: (_, entry) => <Changes entry={entry} names={names} />,
    },
  ];

  return (
    <PageContainer title={t('audit.title')} content={t('audit.intro')}>
      <ProTable<AuditEntry, FormValues>
        rowKey={(entry) => String(entry.id ?? `${entry.occurredAt}-${entry.entityId}`)}
        columns={columns}
        dataSource={rows}
        loading={audit.isFetching}
        formRef={formRef}
        form={{ initialValues }}
        search={{
          labelWidth: 'auto',
          defaultCollapsed: false,
          collapseRender: false,
          searchText: t('audit.search'),
          resetText: t('audit.reset'),
        }}
        onSubmit={(values) => go({ ...state, filters: compactAuditFilters(values), page: 1 })}
        onReset={clear}
        options={{ reload: () => void audit.refetch(), density: false, setting: false }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: state.service,
            items: AUDIT_SERVICES.map((service) => ({ key: service, label: t(auditServiceLabel[service]) })),
            onChange: (key) => {
              const service = key as AuditService;
              if (service === state.service) return;
              // Entity types differ per service: keep only the filters that still mean something.
              const { entityId, actor } = state.filters;
              go({ ...state, service, filters: compactAuditFilters({ entityId, actor }), page: 1 });
            },
          },
          subTitle: audit.data && !audit.error ? t('audit.count', { total: formatNumber(total) }) : undefined,
        }}
        tableExtraRender={() =>
          audit.error ? <ErrorNotice error={audit.error} onRetry={() => void audit.refetch()} /> : null
        }
        locale={{
          emptyText: audit.isPending ? (
            t('state.loading')
          ) : audit.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty.error')} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('audit.empty.filtered') : t('audit.empty.none')}
            >
              {filtered && <Button onClick={clear}>{t('audit.clearFilters')}</Button>}
            </Empty>
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total,
          showSizeChanger: true,
          pageSizeOptions: AUDIT_PAGE_SIZES.map(String),
          showTotal: (count, [from, to]) => t('audit.range', { from, to, total: formatNumber(count) }),
        }}
        onChange={(pagination: TablePaginationConfig) => {
          const size = pagination.pageSize ?? state.size;
          const page = size !== state.size ? 1 : (pagination.current ?? 1);
          if (size !== state.size || page !== state.page) go({ ...state, size, page });
        }}
        scroll={{ x: 1200 }}
      />
    </PageContainer>
  );
}
