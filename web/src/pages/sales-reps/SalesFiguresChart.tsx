import { Column } from '@ant-design/plots';
import type { PurchaseDatum } from './salesFigures';

/** No entrance animation for people who asked their system for less motion. */
const animate = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? false : undefined;

const TYPE_COLORS = ['#1677ff', '#13a8a8', '#722ed1', '#d46b08', '#8c8c8c'];

/**
 * Purchases per type in the period: one column per type. Loaded lazily (React.lazy) so the figures
 * show before the chart library arrives; the same numbers are the figures above it, so the chart
 * itself is hidden from screen readers.
 */
export default function SalesFiguresChart({ data }: { data: PurchaseDatum[] }) {
  return (
    <div aria-hidden data-testid="sales-chart">
      <Column
        data={data}
        height={220}
        autoFit
        animate={animate}
        xField="label"
        yField="count"
        colorField="label"
        scale={{ color: { range: TYPE_COLORS } }}
        legend={false}
        axis={{ y: { title: false, labelFormatter: (v: number) => (Number.isInteger(v) ? String(v) : '') } }}
        style={{ maxWidth: 56 }}
      />
    </div>
  );
}
