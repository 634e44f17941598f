import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Row, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { SectionState } from '../../components/SectionState';
import { formatDate, formatNumber, t } from '../../i18n';
import { Section } from '../licenses/detail/Section';
import { deploymentKeys } from '../deployments/deploymentQueries';
import { fetchDeploymentStats } from './engineerQueries';
import {
  MAX_PERIOD_DAYS,
  figuresOf,
  isTooLong,
  percentDigits,
  plainNumber,
  thisYear,
  type Period,
} from './performance';

interface FigureProps {
  /** The figure's name in `data-testid="engineer-stat-<name>"`. */
  name: string;
  title: string;
  /** Plain digits, or a dash. */
  text: string;
  /** The API's value, for tools. */
  raw: number | null;
  suffix?: ReactNode;
}

/** One figure: its title, the number as plain text in its own element, a unit beside it. */
function Figure({ name, title, text, raw, suffix }: FigureProps) {
  return (
    <Statistic
      title={title}
      value={text}
      formatter={() => (
        <span data-testid={`engineer-stat-${name}`} data-value={raw ?? ''}>
          {text}
        </span>
      )}
      suffix={text === '—' ? undefined : suffix}
      valueStyle={{ fontSize: 24 }}
      style={{ minWidth: 140 }}
    />
  );
}

interface Props {
  engineerId: string;
  period: Period;
  onPeriodChange: (period: Period) => void;
}

/**
 * The engineer's deployment performance for a period (this year unless chosen): deployments
 * scheduled, completed and failed, the median days from a license's creation to its deployment and
 * the share completed on time.
 */
export function PerformanceSection({ engineerId, period, onPeriodChange }: Props) {
  const tooLong = isTooLong(period);
  const query = useQuery({
    queryKey: deploymentKeys.stats({ ...period, engineerId }),
    queryFn: () => fetchDeploymentStats({ ...period, engineerId }),
    enabled: !!engineerId && !tooLong,
  });
  const isoOf = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined);
  const year = thisYear();
  const isThisYear = period.from === year.from && period.to === year.to;

  return (
    <Section title={t('engineers.section.performance')} testId="section-performance">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('engineers.performance.period')} style={{ rowGap: 8 }}>
          <Form.Item label={t('engineers.performance.from')} htmlFor="performance-from">
            <DatePicker
              id="performance-from"
              value={dayjs(period.from)}
              allowClear={false}
              onChange={(value) => {
                const from = isoOf(value);
                if (from) onPeriodChange({ ...period, from });
              }}
            />
          </Form.Item>
          <Form.Item label={t('engineers.performance.to')} htmlFor="performance-to">
            <DatePicker
              id="performance-to"
              value={dayjs(period.to)}
              allowClear={false}
              onChange={(value) => {
                const to = isoOf(value);
                if (to) onPeriodChange({ ...period, to });
              }}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => onPeriodChange(year)} disabled={isThisYear}>
              {t('engineers.performance.thisYear')}
            </Button>
          </Form.Item>
        </Form>
        {tooLong ? (
          <Alert
            type="warning"
            showIcon
            message={t('engineers.performance.tooLong', { max: formatNumber(MAX_PERIOD_DAYS) })}
          />
        ) : (
          <SectionState query={query} rows={2}>
            {(stats) => {
              const f = figuresOf(stats, engineerId);
              return (
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  <Row gutter={[32, 16]}>
                    <Col>
                      <Figure
                        name="scheduled"
                        title={t('engineers.performance.scheduled')}
                        text={plainNumber(f.scheduled)}
                        raw={f.scheduled}
                      />
                    </Col>
                    <Col>
                      <Figure
                        name="completed"
                        title={t('engineers.performance.completed')}
                        text={plainNumber(f.completed)}
                        raw={f.completed}
                      />
                    </Col>
                    <Col>
                      <Figure
                        name="failed"
                        title={t('engineers.performance.failed')}
                        text={plainNumber(f.failed)}
                        raw={f.failed}
                      />
                    </Col>
                    <Col>
                      <Figure
                        name="medianDaysToDeployment"
                        title={t('engineers.performance.medianDays')}
                        text={plainNumber(f.medianDaysToDeployment)}
                        raw={f.medianDaysToDeployment}
                        suffix={t('engineers.performance.days')}
                      />
                    </Col>
                    <Col>
                      <Figure
                        name="onTimeRate"
                        title={t('engineers.performance.onTimeRate')}
                        text={percentDigits(f.onTimeRate)}
                        raw={f.onTimeRate}
                        suffix="%"
                      />
                    </Col>
                  </Row>
                  <Typography.Text type="secondary">
                    {t('engineers.performance.explain', {
                      from: formatDate(period.from),
                      to: formatDate(period.to),
                    })}
                  </Typography.Text>
                </Space>
              );
            }}
          </SectionState>
        )}
      </Space>
    </Section>
  );
}
