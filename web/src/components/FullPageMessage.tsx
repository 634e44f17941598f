import { Button, Result, Spin } from 'antd';

interface Props {
  status: 'loading' | 'error' | 'warning' | '403' | '404';
  title: string;
  detail?: string;
  action?: { label: string; onClick: () => void };
}

/** A whole-page state outside the layout: signing in, configuration missing, fatal errors. */
export function FullPageMessage({ status, title, detail, action }: Props) {
  if (status === 'loading') {
    return (
      <div role="status" aria-live="polite" style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" tip={title}>
          <div style={{ padding: 48 }} />
        </Spin>
      </div>
    );
  }
  return (
    <Result
      status={status}
      title={title}
      subTitle={detail}
      extra={action && <Button type="primary" onClick={action.onClick}>{action.label}</Button>}
    />
  );
}
