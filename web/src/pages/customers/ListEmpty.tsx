import { Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/SectionState';
import { t } from '../../i18n';

interface Props {
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  filtered: boolean;
  onClear: () => void;
  /** "No customers match these filters". */
  filteredText: string;
  /** "No customers yet". */
  noneText: string;
  /** What to do when the list is empty without filters (e.g. a "New customer" button). */
  action?: ReactNode;
}

/**
 * What a list shows instead of rows: the failure naming the service that is down, no match for the
 * filters (with a button to clear them), or nothing at all yet.
 */
export function ListEmpty({ query, filtered, onClear, filteredText, noneText, action }: Props) {
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (filtered) {
    return (
      <Empty
        description={
          <>
            <Typography.Text strong>{filteredText}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('parties.empty.filteredHint')}</Typography.Text>
          </>
        }
      >
        <Button type="primary" onClick={onClear}>
          {t('parties.empty.clear')}
        </Button>
      </Empty>
    );
  }
  return <Empty description={noneText}>{action}</Empty>;
}
