/**
 * What every form that writes to the API needs: server problems mapped onto the form's fields,
 * a form-level feedback for what no field can show (conflict, forbidden, service down…), an
 * Idempotency-Key kept for the form's lifetime, ISO dates, and the TanStack Query keys a write
 * invalidates.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import type { QueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { ApiError, isNetworkError, type Problem } from '../api/problem';
import { describeError } from '../components/SectionState';
import { t } from '../i18n';

/* ------------------------------------------------------------------------------------------------
 * Problem details → form fields
 * ---------------------------------------------------------------------------------------------- */

export type FieldPath = (string | number)[];
/** A field name as antd forms take it. */
export type FormFieldName = string | number | FieldPath;

/**
 * The path of a field as the services name it: `authorizedUsers`, `address.city`, `skills[2]`,
 * `skills.[2]` (Jackson's form) or `items[0].name`.
 */
export function parseFieldPath(field: string): FieldPath {
  const path: FieldPath = [];
  for (const part of field.split('.')) {
    if (!part) continue;
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let match: RegExpExecArray | null;
    while ((match = re.exec(part)) !== null) {
      if (match[1] !== undefined) path.push(match[1]);
      else path.push(Number(match[2]));
    }
  }
  return path;
}

function toPath(name: FormFieldName): FieldPath {
  return Array.isArray(name) ? name : [name];
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

function capitalize(message: string): string {
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}

export interface FieldErrors {
  /** Messages to show beside a field of the form. */
  fields: { name: FieldPath; errors: string[] }[];
  /** Messages about fields the form does not show, for a form-level alert (`field: message`). */
  unmatched: string[];
}

export interface MapOptions {
  /**
   * Server field → form field, for a value the form collects under another name or through
   * another input (e.g. `salesRepId` supplied by the customer picker → `customerId`, or `to` → `action`).
   */
  aliases?: Record<string, FormFieldName>;
}

/**
 * Puts each `errors[]` entry of a problem on the form field it names: the exact field when the form
 * has it, else the nearest enclosing field it has (for `skills[2]`, `skills`), else the form-level
 * list. `registered` are the fields the form shows (antd: `form.getFieldsError().map(f => f.name)`).
 */
export function mapProblemToFields(
  problem: Problem | undefined,
  registered: readonly FormFieldName[],
  options: MapOptions = {},
): FieldErrors {
  const known = registered.map(toPath);
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unmatched: string[] = [];
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];

  for (const entry of errors) {
    const field = typeof entry?.field === 'string' ? entry.field : '';
    const message = typeof entry?.message === 'string' ? entry.message : '';
    let path = parseFieldPath(field);
    const alias = options.aliases?.[field] ?? (path.length ? options.aliases?.[String(path[0])] : undefined);
    if (alias !== undefined) path = toPath(alias);

    let target: FieldPath | undefined;
    for (let length = path.length; length > 0 && !target; length--) {
      const prefix = path.slice(0, length);
      target = known.find((name) => samePath(name, prefix));
    }
    if (!target) {
      unmatched.push(field ? `${field}: ${message}` : message);
      continue;
    }
    const nested = target.length < path.length && alias === undefined;
    const text = nested ? `${field}: ${message}` : capitalize(message);
    const key = JSON.stringify(target);
    const slot = byField.get(key) ?? { name: target, errors: [] };
    if (!slot.errors.includes(text)) slot.errors.push(text);
    byField.set(key, slot);
  }
  return { fields: [...byField.values()], unmatched };
}

/* ------------------------------------------------------------------------------------------------
 * What a failed write means
 * ---------------------------------------------------------------------------------------------- */

export type WriteErrorKind =
  | 'validation' // 400/422 with field errors
  | 'invalid' // 400/422 without field errors: the detail says why
  | 'stale' // 412, or a 409 for a concurrent modification: someone changed it meanwhile
  | 'conflict' // any other 409: the current state does not allow it (server detail says why)
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'outcomeUnknown' // 504 of a write the service may have applied: the detail says whether to repeat it
  | 'unavailable' // 502/503/504: names the service
  | 'offline' // the gateway could not be reached
  | 'error';

const CONCURRENT_MODIFICATION = 'urn:delms:problem:concurrent-modification';
const OUTCOME_UNKNOWN = 'urn:delms:problem:outcome-unknown';

export function classifyWriteError(error: unknown): WriteErrorKind {
  if (error instanceof ApiError) {
    const problem = error.problem;
    if (error.status === 412) return 'stale';
    if (error.status === 409) return problem?.type === CONCURRENT_MODIFICATION ? 'stale' : 'conflict';
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'notFound';
    if (problem?.type === OUTCOME_UNKNOWN) return 'outcomeUnknown';
    if (error.isUnavailable) return 'unavailable';
    if (error.status === 400 || error.status === 422) {
      return Array.isArray(problem?.errors) && problem.errors.length > 0 ? 'validation' : 'invalid';
    }
    return 'error';
  }
  if (isNetworkError(error)) return 'offline';
  return 'error';
}

/** The request met another change or a state that does not allow it (409/412): offer a reload. */
export function isConflict(error: unknown): boolean {
  const kind = classifyWriteError(error);
  return kind === 'stale' || kind === 'conflict';
}

/** A 409's `allowedTransitions` / `currentStatus` extensions, when the server sent them. */
export function transitionHints(error: unknown): { currentStatus?: string; allowed: string[] } {
  if (!(error instanceof ApiError) || error.status !== 409) return { allowed: [] };
  const { currentStatus, allowedTransitions } = error.problem ?? {};
  return {
    currentStatus: typeof currentStatus === 'string' ? currentStatus : undefined,
    allowed: Array.isArray(allowedTransitions)
      ? allowedTransitions.filter((s): s is string => typeof s === 'string')
      : [],
  };
}

/** What the form shows above its buttons after a failed write. */
export interface FormFeedback {
  kind: WriteErrorKind;
  title: string;
  detail?: string;
  /** Field messages that no input of the form can show. */
  messages: string[];
  /** Whether a "Reload" (refetch the current data, keep what was typed) makes sense. */
  canReload: boolean;
  error: unknown;
}

const IDEMPOTENCY_FIELD = 'Idempotency-Key';

/** The form-level feedback for a failed write, given the field messages already placed. */
export function feedbackFor(
  error: unknown,
  mapped: FieldErrors = { fields: [], unmatched: [] },
): FormFeedback {
  const kind = classifyWriteError(error);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const base = {
    kind,
    error,
    messages: mapped.unmatched,
    canReload: kind === 'stale' || kind === 'conflict',
  };
  switch (kind) {
    case 'validation':
      return {
        ...base,
        title: t('forms.invalid'),
        detail: mapped.unmatched.length ? undefined : t('forms.invalidDetail'),
      };
    case 'invalid':
      return { ...base, title: t('forms.invalid'), detail: problem?.detail };
    case 'stale':
      return { ...base, title: t('state.conflict'), detail: t('state.conflictDetail') };
    case 'conflict':
      return { ...base, title: t('forms.notNow'), detail: problem?.detail ?? t('state.conflictDetail') };
    case 'outcomeUnknown':
      // the gateway's detail says whether submitting again is safe (same Idempotency-Key) or to check first
      return { ...base, canReload: true, title: t('forms.outcomeUnknown'), detail: problem?.detail };
    default: {
      const described = describeError(error);
      return { ...base, title: described.title, detail: described.detail };
    }
  }
}

/** Whether the server refused the Idempotency-Key (used before with other values). */
export function isIdempotencyKeyReused(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.problem?.errors ?? []).some((e) => e?.field === IDEMPOTENCY_FIELD)
  );
}

/**
 * Server problems for one antd form: `report(error)` puts field messages beside their inputs and
 * returns/keeps the form-level feedback; `clear()` removes it.
 */
export function useFormErrors<Values>(form: FormInstance<Values>, options: MapOptions = {}) {
  const [feedback, setFeedback] = useState<FormFeedback>();
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const report = useCallback(
    (error: unknown): FormFeedback => {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const registered = form.getFieldsError().map((f) => f.name);
      const mapped = mapProblemToFields(problem, registered, optionsRef.current);
      if (mapped.fields.length) {
        type Fields = Parameters<FormInstance<Values>['setFields']>[0];
        form.setFields(mapped.fields.map(({ name, errors }) => ({ name, errors })) as unknown as Fields);
      }
      if (isIdempotencyKeyReused(error)) {
        mapped.unmatched = mapped.unmatched.filter((m) => !m.startsWith(IDEMPOTENCY_FIELD));
        mapped.unmatched.push(t('forms.alreadySubmitted'));
      }
      const next = feedbackFor(error, mapped);
      setFeedback(next);
      return next;
    },
    [form],
  );
  const clear = useCallback(() => setFeedback(undefined), []);
  return { feedback, report, clear };
}

/* ------------------------------------------------------------------------------------------------
 * Idempotency keys
 * ---------------------------------------------------------------------------------------------- */

/** A random v4 UUID; crypto.randomUUID only exists in secure contexts, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key for the form's lifetime, so that submitting again after a timeout cannot record twice;
 * `renew()` after a success (the next submission is another operation).
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return { key, renew };
}

/* ------------------------------------------------------------------------------------------------
 * Values
 * ---------------------------------------------------------------------------------------------- */

/** `2026-12-07` for a date picker's value (the API's `format: date`). */
export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** An instant (`format: date-time`) for a date-time picker's value. */
export function toIsoDateTime(value: Dayjs | null | undefined): string | undefined {
  return value ? value.toDate().toISOString() : undefined;
}

/** Trimmed text, or undefined when blank (optional text fields are left out of the body). */
export function optionalText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A value that follows its input after `delay` ms of quiet (search-as-you-type). */
export function useDebouncedValue<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/* ------------------------------------------------------------------------------------------------
 * Query keys and invalidation after writes
 * ---------------------------------------------------------------------------------------------- */

/**
 * The roots of the TanStack Query keys the screens use (see src/pages/licenses/licenseQueries.ts):
 * everything about licenses starts with `['licenses']` (lists, `['licenses', 'detail', id]` and its
 * usage, timeline and changes, the dashboard's `['licenses', 'stats']`); purchases, deployments and
 * alerts start with `['purchases']`, `['deployments']`, `['alerts']`.
 */
export const queryRoots = {
  licenses: ['licenses'] as const,
  purchases: ['purchases'] as const,
  deployments: ['deployments'] as const,
  alerts: ['alerts'] as const,
};

/** When services apply a write through events (purchases, completed deployments): refetch again. */
const EVENTUAL_DELAYS_MS = [1_000, 3_000, 7_000];

export interface InvalidateOptions {
  /** The write reaches other services through events: refetch a few more times while it lands. */
  eventual?: boolean;
  purchases?: boolean;
  deployments?: boolean;
  alerts?: boolean;
}

/**
 * After a write about a license: every license query (lists, details, stats) is stale, and the
 * purchases, deployments or alerts the write touched.
 */
export function invalidateLicenseData(queryClient: QueryClient, options: InvalidateOptions = {}): void {
  const run = () => {
    void queryClient.invalidateQueries({ queryKey: queryRoots.licenses });
    if (options.purchases) void queryClient.invalidateQueries({ queryKey: queryRoots.purchases });
    if (options.deployments) void queryClient.invalidateQueries({ queryKey: queryRoots.deployments });
    if (options.alerts) void queryClient.invalidateQueries({ queryKey: queryRoots.alerts });
  };
  run();
  if (options.eventual) for (const delay of EVENTUAL_DELAYS_MS) setTimeout(run, delay);
}
