import { feedbackFor } from '../../lib/forms';
import { FormAlert } from '../operations/FormAlert';
import { shownFeedback } from './writeErrors';

/**
 * Why an action on a page (deactivate, reactivate) failed: forbidden, the service that is down, or a
 * change made meanwhile with a "Reload" that reads the record again.
 */
export function ActionAlert({
  error,
  onReload,
  onClose,
}: {
  error: unknown;
  onReload: () => void;
  onClose: () => void;
}) {
  if (error === undefined || error === null) return null;
  return <FormAlert feedback={shownFeedback(feedbackFor(error))} onReload={onReload} onClose={onClose} />;
}
