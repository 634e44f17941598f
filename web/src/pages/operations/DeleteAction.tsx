import { DeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/problem';
import { feedbackFor } from '../../lib/forms';
import { t } from '../../i18n';
import { withoutIds } from '../licenses/licenseFormat';
import { FormAlert } from './FormAlert';

/** What a DELETE did: removed the record, or (engineers, reps, resellers with history) deactivated it. */
export type DeleteOutcome = 'deleted' | 'deactivated';

export interface DeleteTexts {
  /** The confirmation's title, naming the record ("Delete Lena Vogel?"). */
  confirm: string;
  confirmDetail: string;
  /** The button's and the confirmation's OK label. */
  action: string;
  /** Title of the alert when the service refuses (409/422). */
  refused: string;
  /** When the service gives no reason. */
  refusedDetail: string;
  /** What to do instead (deactivate), when the record can be deactivated. */
  refusedHint?: string;
}

interface Options {
  remove: () => Promise<DeleteOutcome>;
  texts: DeleteTexts;
  /** After a delete or a deactivation in its place: update caches, navigate, tell the user. */
  onDone: (outcome: DeleteOutcome) => void;
  /** Read the record again after a conflict. */
  onReload: () => void;
  /** data-testid of the alert shown when the delete fails. */
  testId: string;
}

/** Whether the service refused the delete because of the record's state or references (not a stale version). */
export function isRefusedDelete(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 422) return true;
  return error.status === 409 && feedbackFor(error).kind === 'conflict';
}

/**
 * A danger "Delete" button for a detail page's header, with a confirmation naming the record, and
 * the alert for the page's body when it fails: the service's reason (without ids) and what to do
 * instead for a refusal, else forbidden / service down / changed meanwhile (with "Reload").
 */
export function useDeleteAction({ remove, texts, onDone, onReload, testId }: Options) {
  const { modal } = App.useApp();
  const [error, setError] = useState<unknown>();
  const mutation = useMutation({ mutationFn: remove });

  const confirm = () =>
    modal.confirm({
      title: texts.confirm,
      content: texts.confirmDetail,
      okText: texts.action,
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: async () => {
        setError(undefined);
        try {
          onDone(await mutation.mutateAsync());
        } catch (failure) {
          setError(failure);
        }
      },
    });

  const button = (props: { disabled?: boolean; testId?: string } = {}) => (
    <Button
      key="delete"
      danger
      icon={<DeleteOutlined aria-hidden />}
      onClick={confirm}
      loading={mutation.isPending}
      disabled={props.disabled}
      data-testid={props.testId}
    >
      {texts.action}
    </Button>
  );

  const close = () => setError(undefined);
  let alert: ReactNode = null;
  if (error !== undefined) {
    if (isRefusedDelete(error)) {
      alert = (
        <Alert
          role="alert"
          type="warning"
          showIcon
          closable
          onClose={close}
          style={{ marginBottom: 16 }}
          data-testid={testId}
          message={texts.refused}
          description={
            <>
              <div>{withoutIds(error.problem?.detail) || texts.refusedDetail}</div>
              {texts.refusedHint && <div>{texts.refusedHint}</div>}
            </>
          }
        />
      );
    } else {
      const feedback = feedbackFor(error);
      alert = (
        <div data-testid={testId}>
          <FormAlert
            feedback={{ ...feedback, detail: feedback.detail && withoutIds(feedback.detail) }}
            onReload={() => {
              close();
              onReload();
            }}
            onClose={close}
          />
        </div>
      );
    }
  }

  return { button, alert, isPending: mutation.isPending };
}
