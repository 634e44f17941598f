import { Bar, Column, Pie } from '@ant-design/plots';
import { useNavigate } from 'react-router-dom';
import {
  countScale,
  hrefOfChartEvent,
  severityScale,
  type AlertChartDatum,
  type CountDatum,
} from './dashboardData';

/**
 * The dashboard's charts. Loaded lazily (React.lazy) so the dashboard's figures show before the
 * chart library arrives. A click on a bar or slice opens the list it counts; the same numbers are
 * links in the figures next to each chart, so the charts themselves are hidden from screen readers.
 */

const HEIGHT = 240;

/** No entrance animation for people who asked their system for less motion. */
const animate = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? false : undefined;

function useOpenOnClick() {
  const navigate = useNavigate();
  return (_chart: unknown, event: unknown) => {
    const href = hrefOfChartEvent(event);
    if (href) navigate(href);
  };
}

/** Licenses by status: one column per status. */
export function StatusChart({ data }: { data: CountDatum[] }) {
  const onEvent = useOpenOnClick();
  return (
    <div aria-hidden data-testid="chart-status">
      <Column
        data={data}
        height={HEIGHT}
        autoFit
        animate={animate}
        xField="label"
        yField="value"
        colorField="label"
        scale={{ color: countScale(data) }}
        legend={false}
        axis={{ y: { labelFormatter: (v: number) => (Number.isInteger(v) ? String(v) : '') } }}
        style={{ cursor: 'pointer', maxWidth: 48 }}
        onEvent={onEvent}
      />
    </div>
  );
}

/** Licenses by product type: a ring. */
export function ProductTypeChart({ data }: { data: CountDatum[] }) {
  const onEvent = useOpenOnClick();
  return (
    <div aria-hidden data-testid="chart-product">
      <Pie
        data={data.filter((d) => d.value > 0)}
        height={HEIGHT}
        autoFit
        animate={animate}
        angleField="value"
        colorField="label"
        innerRadius={0.6}
        scale={{ color: countScale(data) }}
        legend={{ color: { position: 'bottom', layout: { justifyContent: 'center' } } }}
        label={{ text: (d: CountDatum) => `${d.label}: ${d.value}`, position: 'outside' }}
        style={{ cursor: 'pointer' }}
        onEvent={onEvent}
      />
    </div>
  );
}

/** Open alerts: a bar per type, stacked by severity. */
export function AlertChart({ data }: { data: AlertChartDatum[] }) {
  const onEvent = useOpenOnClick();
  return (
    <div aria-hidden data-testid="chart-alerts">
      <Bar
        data={data}
        height={HEIGHT}
        autoFit
        animate={animate}
        xField="typeLabel"
        yField="value"
        colorField="severityLabel"
        stack
        scale={{ color: severityScale() }}
        legend={{ color: { position: 'bottom', layout: { justifyContent: 'center' } } }}
        axis={{ y: { labelFormatter: (v: number) => (Number.isInteger(v) ? String(v) : '') } }}
        style={{ cursor: 'pointer', maxWidth: 28 }}
        onEvent={onEvent}
      />
    </div>
  );
}
