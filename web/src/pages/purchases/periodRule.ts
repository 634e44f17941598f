import type { RuleObject, RuleRender } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { t } from '../../i18n';

/** The rule of a period's `to` date picker: not before the `from` of the same form. */
export const notBeforeFrom: RuleRender = ({ getFieldValue }) => ({
  validator: (_rule: RuleObject, value: Dayjs | string | undefined) => {
    const from = getFieldValue('from') as Dayjs | string | undefined;
    return value && from && dayjs(value).isBefore(dayjs(from), 'day')
      ? Promise.reject(new Error(t('delivery.validation.toBeforeFrom')))
      : Promise.resolve();
  },
});
