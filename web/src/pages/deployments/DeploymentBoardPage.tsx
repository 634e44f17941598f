import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, DatePicker, Empty, Form, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice, describeError } from '../../components/SectionState';
import { formatDate, formatNumber, t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import { DeploymentStatusTag } from '../operations/DeploymentBoard';
import { engineerKeys, fetchActiveEngineers } from '../engineers/engineerQueries';
import { boardSearchParams, groupBoard, parseBoardPeriod, type BoardColumn, type BoardPeriod } from './board';
import type { Deployment } from './deploymentFilters';
import { deploymentKeys, fetchOpenDeployments } from './deploymentQueries';

const COLUMN_WIDTH = 280;

// A card names its License ID, not the customer: naming customers would cost one license look-up
// per card (the license list has no batch look-up by License ID yet).
function Card({ deployment: d }: { deployment: Deployment }) {
  return (
    <li data-testid="board-card" data-status={d.status} style={{ listStyle: 'none' }}>
      <ProCard bordered size="small" style={{ marginBlockEnd: 8 }} bodyStyle={{ padding: 12 }}>
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Space size="small" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            {d.licenseId ? (
              <Link to={`/licenses/${encodeURIComponent(d.licenseId)}`} data-testid="license-link">
                <strong>{d.licenseId}</strong>
              </Link>
            ) : (
              '—'
            )}
            <DeploymentStatusTag status={d.status} />
          </Space>
          <Space size="small" wrap>
            <Typography.Text type="secondary">{formatDate(d.scheduledDate)}</Typography.Text>
            {d.id && (
              <Link
                to={`/deployments/${d.id}`}
                data-testid="deployment-link"
                aria-label={t('deployments.column.open', {
                  license: d.licenseId ?? '—',
                  date: formatDate(d.scheduledDate),
                })}
              >
                {t('deployments.board.details')}
              </Link>
            )}
          </Space>
        </Space>
      </ProCard>
    </li>
  );
}

function Column({ column }: { column: BoardColumn }) {
  const name =
    column.name ?? (column.engineerId ? t('state.unknownName') : t('deployments.board.noEngineer'));
  const heading = (
    <Space size="small">
      <span role="heading" aria-level={2}>
        {column.engineerId && column.name ? (
          <Link to={`/engineers/${column.engineerId}`}>{column.name}</Link>
        ) : (
          name
        )}
      </span>
      <Badge
        count={column.cards.length}
        showZero
        color={column.cards.length ? '#1677ff' : '#8c8c8c'}
        aria-label={t('deployments.board.count', { count: formatNumber(column.cards.length) })}
      />
    </Space>
  );
  return (
    <section
      aria-label={name}
      data-testid="board-column"
      data-engineer={column.name ?? ''}
      style={{ flex: `0 0 ${COLUMN_WIDTH}px`, minWidth: COLUMN_WIDTH }}
    >
      <ProCard
        title={heading}
        subTitle={column.active ? undefined : t('engineers.status.inactive')}
        headerBordered
        bordered
        size="small"
        style={{ height: '100%', background: '#fafafa' }}
      >
        {column.cards.length ? (
          <ul style={{ margin: 0, padding: 0 }} aria-label={t('deployments.board.cardsOf', { name })}>
            {column.cards.map((d) => (
              <Card key={d.id ?? `${d.licenseId}-${d.scheduledDate}`} deployment={d} />
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t('deployments.board.nothing')}</Typography.Text>
        )}
      </ProCard>
    </section>
  );
}

/**
 * What each engineer has SCHEDULED and IN_PROGRESS, at /deployments/board: one column per engineer
 * (by name, the free ones too), cards by scheduled date with the License ID and the status. The date range (scheduled dates) is the URL's `from`/`to`.
 */
export default function DeploymentBoardPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const period = useMemo(() => parseBoardPeriod(new URLSearchParams(search)), [search]);
  const setPeriod = (next: BoardPeriod) => setParams(boardSearchParams(next));

  const open = useQuery({
    queryKey: deploymentKeys.board(period),
    queryFn: () => fetchOpenDeployments(period),
  });
  const engineers = useQuery({
    queryKey: engineerKeys.active,
    queryFn: fetchActiveEngineers,
    staleTime: 60_000,
  });
  const deployments = useMemo(() => open.data?.deployments ?? [], [open.data]);
  const columns = useMemo(() => groupBoard(deployments, engineers.data ?? []), [deployments, engineers.data]);
  const cardCount = columns.reduce((sum, c) => sum + c.cards.length, 0);

  const dateOf = (value: string | undefined) => (value ? dayjs(value) : null);
  const isoOf = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined);

  let body;
  if (open.isPending || (engineers.isPending && !engineers.error)) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (open.error) {
    body = <ErrorNotice error={open.error} onRetry={() => void open.refetch()} />;
  } else if (columns.length === 0) {
    body = (
      <Empty
        description={
          period.from || period.to ? t('deployments.board.emptyPeriod') : t('deployments.board.empty')
        }
      >
        {(period.from || period.to) && (
          <Button type="primary" onClick={() => setPeriod({})}>
            {t('deployments.board.allDates')}
          </Button>
        )}
      </Empty>
    );
  } else {
    body = (
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {engineers.error ? (
          <Alert
            type="warning"
            showIcon
            message={t('deployments.board.engineersUnavailable')}
            description={describeError(engineers.error).title}
          />
        ) : null}
        {open.data?.truncated && <Alert type="info" showIcon message={t('deployments.board.truncated')} />}
        <Typography.Text type="secondary" data-testid="board-summary">
          {t('deployments.board.summary', {
            cards: formatNumber(cardCount),
            engineers: formatNumber(columns.filter((c) => c.cards.length > 0).length),
          })}
        </Typography.Text>
        <div
          style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBlockEnd: 8, alignItems: 'stretch' }}
          data-testid="deployment-board"
          tabIndex={0}
          role="group"
          aria-label={t('deployments.board.title')}
        >
          {columns.map((column) => (
            <Column key={column.engineerId || 'none'} column={column} />
          ))}
        </div>
      </Space>
    );
  }

  return (
    <PageContainer
      title={t('deployments.board.title')}
      subTitle={t('deployments.board.subtitle')}
      breadcrumb={{
        items: [
          { title: <Link to="/deployments">{t('deployments.list.title')}</Link> },
          { title: t('deployments.board.title') },
        ],
      }}
      extra={<LinkButton to="/deployments">{t('deployments.board.toList')}</LinkButton>}
    >
      <ProCard bordered style={{ marginBlockEnd: 16 }}>
        <Form layout="inline" aria-label={t('deployments.board.filter')} style={{ rowGap: 8 }}>
          <Form.Item label={t('deployments.board.from')} htmlFor="board-from">
            <DatePicker
              id="board-from"
              value={dateOf(period.from)}
              onChange={(value) => setPeriod({ ...period, from: isoOf(value) })}
              allowClear
            />
          </Form.Item>
          <Form.Item label={t('deployments.board.to')} htmlFor="board-to">
            <DatePicker
              id="board-to"
              value={dateOf(period.to)}
              onChange={(value) => setPeriod({ ...period, to: isoOf(value) })}
              allowClear
            />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button
                onClick={() =>
                  setPeriod({
                    from: dayjs().startOf('week').format('YYYY-MM-DD'),
                    to: dayjs().endOf('week').format('YYYY-MM-DD'),
                  })
                }
              >
                {t('deployments.board.thisWeek')}
              </Button>
              <Button
                onClick={() =>
                  setPeriod({
                    from: dayjs().format('YYYY-MM-DD'),
                    to: dayjs().add(4, 'week').format('YYYY-MM-DD'),
                  })
                }
              >
                {t('deployments.board.nextFourWeeks')}
              </Button>
              <Button onClick={() => setPeriod({})} disabled={!period.from && !period.to}>
                {t('deployments.board.allDates')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </ProCard>
      {body}
    </PageContainer>
  );
}
