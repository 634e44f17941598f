import { Typography } from 'antd';
import { t } from '../../../i18n';

/** "Showing 100 of 130." under a section that shows only the first page. */
export function MoreNote({ shown, total }: { shown: number; total: number | undefined }) {
  if (total === undefined || total <= shown) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBlock: '8px 0' }}>
      {t('licenses.section.more', { shown, total })}
    </Typography.Paragraph>
  );
}
