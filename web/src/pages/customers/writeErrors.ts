import type { FormInstance } from 'antd';
import { ApiError } from '../../api/problem';
import type { FormFeedback } from '../../lib/forms';
import { t } from '../../i18n';
import { withoutIds } from '../licenses/licenseFormat';

/**
 * A 409 that is not someone else's change (FormFeedback kind `conflict`) on a customer, rep or
 * reseller is a unique value already taken (a customer's name, a rep's e-mail, a reseller's code):
 * the server's reason goes beside that field.
 */
export function conflictOnField<Values>(
  form: FormInstance<Values>,
  feedback: FormFeedback,
  field: string,
): void {
  if (feedback.kind !== 'conflict') return;
  const detail = feedback.error instanceof ApiError ? withoutIds(feedback.error.problem?.detail) : '';
  type Fields = Parameters<FormInstance<Values>['setFields']>[0];
  form.setFields([{ name: field, errors: [detail || t('parties.validation.taken')] }] as unknown as Fields);
}

/** The form-level feedback as shown: only a stale write offers "Reload"; ids left out of the detail. */
export function shownFeedback(feedback: FormFeedback | undefined): FormFeedback | undefined {
  if (!feedback) return undefined;
  return {
    ...feedback,
    detail: feedback.detail === undefined ? undefined : withoutIds(feedback.detail),
    canReload: feedback.kind === 'stale',
  };
}
