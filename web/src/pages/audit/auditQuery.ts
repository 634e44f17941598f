import { alertApi, customerApi, deploymentApi, licenseApi, salesApi } from '../../api/clients';
import type { ServiceName } from '../../api/problem';
import type { components } from '../../api/schema/license-service';
import type { MessageKey } from '../../i18n';

/**
 * The audit screen's state in the URL (which service's log, filters, page) and its one call:
 * `GET /api/v1/audit/<service>?entityType=&entityId=&actor=&page=&size=` (admins only), newest first.
 */

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditPage = components['schemas']['PageResponseAuditEntry'];

export const AUDIT_SERVICES = ['license', 'customer', 'sales', 'deployment', 'alert'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

export const auditServiceName: Record<AuditService, ServiceName> = {
  license: 'license-service',
  customer: 'customer-service',
  sales: 'sales-service',
  deployment: 'deployment-service',
  alert: 'alert-service',
};

export const auditServiceLabel: Record<AuditService, MessageKey> = {
  license: 'audit.service.license',
  customer: 'audit.service.customer',
  sales: 'audit.service.sales',
  deployment: 'audit.service.deployment',
  alert: 'audit.service.alert',
};

/** The entity types each service audits (those written through its API). */
export const AUDIT_ENTITY_TYPES: Record<AuditService, readonly string[]> = {
  license: ['License', 'UsageReport'],
  customer: ['Customer'],
  sales: ['SalesRep', 'Reseller', 'Purchase'],
  deployment: ['Deployment', 'Engineer'],
  alert: ['Alert'],
};

export const AUDIT_PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
}

export interface AuditState {
  service: AuditService;
  filters: AuditFilters;
  /** 1-based. */
  page: number;
  size: number;
}

const ENTITY_TYPE = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const MAX_TEXT = 200;

function text(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, MAX_TEXT) : undefined;
}

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : undefined;
}

export function compactAuditFilters(values: Partial<Record<keyof AuditFilters, unknown>>): AuditFilters {
  const entityType = text(values.entityType);
  const filters: AuditFilters = {
    entityType: entityType && ENTITY_TYPE.test(entityType) ? entityType : undefined,
    entityId: text(values.entityId),
    actor: text(values.actor),
  };
  for (const key of Object.keys(filters) as (keyof AuditFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return filters;
}

export function parseAuditState(params: URLSearchParams): AuditState {
  const service = params.get('service');
  const size = wholeNumber(params.get('size'), 1, 1000);
  return {
    service: (AUDIT_SERVICES as readonly string[]).includes(service ?? '')
      ? (service as AuditService)
      : 'license',
    filters: compactAuditFilters({
      entityType: params.get('entityType'),
      entityId: params.get('entityId'),
      actor: params.get('actor'),
    }),
    page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
    size:
      size !== undefined && (AUDIT_PAGE_SIZES as readonly number[]).includes(size)
        ? size
        : DEFAULT_AUDIT_PAGE_SIZE,
  };
}

/** The URL query; the defaults (license service, page 1, default size) are left out. */
export function auditSearchParams(state: AuditState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.service !== 'license') params.set('service', state.service);
  const filters = compactAuditFilters(state.filters);
  if (filters.entityType) params.set('entityType', filters.entityType);
  if (filters.entityId) params.set('entityId', filters.entityId);
  if (filters.actor) params.set('actor', filters.actor);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size !== DEFAULT_AUDIT_PAGE_SIZE) params.set('size', String(state.size));
  return params;
}

/** The query as the generated types describe it: Spring's `Pageable` as one object parameter. */
interface AuditApiQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  pageable: { page?: number; size?: number; sort?: string[] };
}

export function toAuditApiQuery(state: AuditState): AuditApiQuery {
  return { ...compactAuditFilters(state.filters), pageable: { page: state.page - 1, size: state.size } };
}

/**
 * What the service reads: the pageable's fields as plain `page`, `size` and `sort` parameters (the
 * document names the object, Spring binds its fields).
 */
export function serializeAuditQuery(query: AuditApiQuery): string {
  const params = new URLSearchParams();
  if (query.entityType) params.set('entityType', query.entityType);
  if (query.entityId) params.set('entityId', query.entityId);
  if (query.actor) params.set('actor', query.actor);
  if (query.pageable.page !== undefined) params.set('page', String(query.pageable.page));
  if (query.pageable.size !== undefined) params.set('size', String(query.pageable.size));
  query.pageable.sort?.forEach((sort) => params.append('sort', sort));
  return params.toString();
}

const emptyPage: AuditPage = { content: [], page: { number: 0, size: 0, totalElements: 0, totalPages: 0 } };

export async function fetchAudit(state: AuditState, signal?: AbortSignal): Promise<AuditPage> {
  const query = toAuditApiQuery(state);
  const options = { params: { query }, querySerializer: serializeAuditQuery, signal };
  switch (state.service) {
    case 'license':
      return (await licenseApi.GET('/api/v1/audit/license-service', options)).data ?? emptyPage;
    case 'customer':
      return (await customerApi.GET('/api/v1/audit/customer-service', options)).data ?? emptyPage;
    case 'sales':
      return (await salesApi.GET('/api/v1/audit/sales-service', options)).data ?? emptyPage;
    case 'deployment':
      return (await deploymentApi.GET('/api/v1/audit/deployment-service', options)).data ?? emptyPage;
    case 'alert':
      return (await alertApi.GET('/api/v1/audit/alert-service', options)).data ?? emptyPage;
  }
}

export const auditKeys = {
  list: (state: AuditState) => ['audit', state.service, state] as const,
};
