import { Button, Empty, Typography } from 'antd';
import { ErrorNotice } from '../../components/SectionState';
import { t } from '../../i18n';

interface Props {
  /** The list's query: its error names the service that is down. */
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  /** Whether filters narrow the list (then the empty state offers to clear them). */
  filtered: boolean;
  onClear: () => void;
  /** What an unfiltered empty list means ("No purchases recorded yet"). */
  none: string;
}

/** What a list table shows instead of rows: the error naming the service, no match, or nothing yet. */
export function ListEmpty({ query, filtered, onClear, none }: Props) {
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (filtered) {
    return (
      <Empty
        description={
          <>
            <Typography.Text strong>{t('delivery.empty.filtered')}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('delivery.empty.filteredHint')}</Typography.Text>
          </>
        }
      >
        <Button type="primary" onClick={onClear}>
          {t('delivery.empty.clear')}
        </Button>
      </Empty>
    );
  }
  return <Empty description={none} />;
}
