import { Alert, Button } from 'antd';
import type { FormFeedback } from '../../lib/forms';
import { t } from '../../i18n';

interface Props {
  feedback: FormFeedback | undefined;
  /** Refetch what the form shows (license, deployments…) without touching what the user typed. */
  onReload?: () => void;
  onClose?: () => void;
}

/**
 * What a failed write means, above the form's buttons: a conflict with a "Reload" button, the
 * forbidden message, the service that is down, or field messages no input can show.
 */
export function FormAlert({ feedback, onReload, onClose }: Props) {
  if (!feedback) return null;
  const type = feedback.kind === 'error' || feedback.kind === 'offline' ? 'error' : 'warning';
  return (
    <Alert
      role="alert"
      data-kind={feedback.kind}
      type={type}
      showIcon
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
      message={feedback.title}
      description={
        feedback.detail || feedback.messages.length ? (
          <>
            {feedback.detail && <div>{feedback.detail}</div>}
            {feedback.messages.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {feedback.messages.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </>
        ) : undefined
      }
      action={
        feedback.canReload && onReload ? (
          <Button size="small" onClick={onReload}>
            {t('action.reload')}
          </Button>
        ) : undefined
      }
    />
  );
}
