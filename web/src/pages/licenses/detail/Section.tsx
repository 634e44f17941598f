import { ProCard } from '@ant-design/pro-components';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** The section's `data-testid` for the browser tests. */
  testId: string;
  extra?: ReactNode;
  children: ReactNode;
}

/** One section of the license page: a titled card, a landmark named by its title. */
export function Section({ title, testId, extra, children }: Props) {
  return (
    <ProCard
      title={
        <span role="heading" aria-level={2}>
          {title}
        </span>
      }
      extra={extra}
      headerBordered
      bordered
      role="region"
      aria-label={title}
      data-testid={testId}
    >
      {children}
    </ProCard>
  );
}
