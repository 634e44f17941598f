import { Card, Skeleton } from 'antd';

/** Shown while a page's code loads. */
export function PageSkeleton() {
  return (
    <Card>
      <Skeleton active paragraph={{ rows: 6 }} />
    </Card>
  );
}
