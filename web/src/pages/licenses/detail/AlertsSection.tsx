import { useQuery } from '@tanstack/react-query';
import { Empty, List, Space, Tag, Typography } from 'antd';
import { SectionState } from '../../../components/SectionState';
import { formatDateTime, t } from '../../../i18n';
import { alertTypeLabel, severityLabel, withoutIds, type Alert } from '../licenseFormat';
import { fetchOpenAlerts, licenseKeys } from '../licenseQueries';
import { MoreNote } from './SectionFooter';
import { Section } from './Section';

const severityColor: Record<string, string> = { INFO: 'blue', WARNING: 'gold', CRITICAL: 'red' };

/** The license's open alerts from alert-service. */
export function AlertsSection({ licenseId }: { licenseId: string }) {
  const query = useQuery({
    queryKey: licenseKeys.openAlerts(licenseId),
    queryFn: () => fetchOpenAlerts(licenseId),
  });
  return (
    <Section title={t('licenses.section.alerts')} testId="section-alerts">
      <SectionState
        query={query}
        isEmpty={(page) => !page.content?.length}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licenses.alert.empty')} />}
      >
        {(page) => (
          <>
            <List<Alert>
              rowKey={(a) => a.id ?? `${a.type}-${a.raisedAt}`}
              dataSource={page.content}
              size="small"
              renderItem={(a) => (
                <List.Item>
                  <Space direction="vertical" size={2}>
                    <Space size="small" wrap>
                      <Tag color={severityColor[a.severity ?? ''] ?? 'default'}>
                        {severityLabel(a.severity)}
                      </Tag>
                      <Typography.Text strong>{alertTypeLabel(a.type)}</Typography.Text>
                    </Space>
                    {a.message && <Typography.Text>{withoutIds(a.message)}</Typography.Text>}
                    <Typography.Text type="secondary">
                      {t('licenses.alert.raisedAtValue', { when: formatDateTime(a.raisedAt) })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            <MoreNote shown={page.content?.length ?? 0} total={page.page?.totalElements} />
          </>
        )}
      </SectionState>
    </Section>
  );
}
