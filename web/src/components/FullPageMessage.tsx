import { Alert, Button, Spin } from 'antd';

interface Props {
  status: 'loading' | 'error';
  title: string;
  detail?: string;
  action?: { label: string; onClick: () => void };
}

/**
 * A whole-page state before the app's frame exists: signing in, settings missing, sign-in failed.
 * Kept to Spin and Alert so the first JavaScript a visitor loads stays small.
 */
export function FullPageMessage({ status, title, detail, action }: Props) {
  return (
    <div
      role="status"
      aria-live="polite"
      style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}
    >
      {status === 'loading' ? (
        <Spin size="large" tip={title}>
          <div style={{ padding: 48 }} />
        </Spin>
      ) : (
        <Alert
          type="error"
          showIcon
          message={title}
          description={detail}
          action={
            action && (
              <Button type="primary" onClick={action.onClick}>
                {action.label}
              </Button>
            )
          }
        />
      )}
    </div>
  );
}
