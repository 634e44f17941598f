import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, isNetworkError } from '../api/problem';
import { t } from '../i18n';

/** What a failed request means to the person looking at the section. */
export function describeError(error: unknown): { title: string; detail?: string; type: 'warning' | 'error' } {
  if (error instanceof ApiError) {
    if (error.status === 403)
      return { title: t('state.forbidden'), detail: t('state.forbiddenDetail'), type: 'warning' };
    if (error.status === 404)
      return { title: t('state.notFound'), detail: t('state.notFoundDetail'), type: 'warning' };
    if (error.isConflict)
      return { title: t('state.conflict'), detail: t('state.conflictDetail'), type: 'warning' };
    if (error.isUnavailable) {
      return {
        title: t('state.unavailable', { service: t(`service.${error.service}`) }),
        detail: t('state.unavailableDetail'),
        type: 'warning',
      };
    }
    return { title: t('state.error'), detail: error.problem?.detail ?? error.message, type: 'error' };
  }
  if (isNetworkError(error))
    return { title: t('state.offline'), detail: t('state.offlineDetail'), type: 'error' };
  return {
    title: t('state.error'),
    detail: error instanceof Error ? error.message : String(error),
    type: 'error',
  };
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { title, detail, type } = describeError(error);
  return (
    <Alert
      role="alert"
      type={type}
      showIcon
      message={title}
      description={detail}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        )
      }
    />
  );
}

interface Props<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
}

/**
 * One section of a page backed by one query: a skeleton while it loads, a notice naming the
 * service when it fails (the rest of the page keeps working), an empty state, or the content.
 */
export function SectionState<T>({ query, isEmpty, empty, rows = 3, children }: Props<T>) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <>{empty ?? <Empty description={t('state.empty')} />}</>;
  return <>{children(data)}</>;
}
