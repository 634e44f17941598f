import {
  ModalForm,
  ProForm,
  ProFormDatePicker,
  ProFormDigit,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Typography } from 'antd';
import type { RuleObject, RuleRender } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { licenseApi } from '../../api/clients';
import type { components } from '../../api/schema/license-service';
import { t } from '../../i18n';
import { invalidateLicenseData, optionalText, toIsoDate, useFormErrors } from '../../lib/forms';
import { FormAlert } from '../operations/FormAlert';
import type { License } from './licenseFormat';
import { licenseKeys } from './licenseQueries';
import { PartyPicker } from './PartyPicker';

type LicenseUpdateRequest = components['schemas']['LicenseUpdateRequest'];
type RuleForm = Parameters<RuleRender>[0];

export interface LicenseTermsValues {
  salesRepId?: string;
  resellerId?: string;
  orderDate?: Dayjs;
  startDate?: Dayjs;
  expiryDate?: Dayjs | null;
  authorizedWorkspaces?: number;
  authorizedUsers?: number;
  notes?: string;
}

const day = (iso: string | undefined) => (iso ? dayjs(iso) : undefined);

function valuesOf(license: License): LicenseTermsValues {
  return {
    salesRepId: license.salesRepId,
    resellerId: license.resellerId,
    orderDate: day(license.orderDate),
    startDate: day(license.startDate),
    expiryDate: day(license.expiryDate) ?? null,
    authorizedWorkspaces: license.authorizedWorkspaces,
    authorizedUsers: license.authorizedUsers,
    notes: license.notes,
  };
}

/** The PUT body: every editable field (an absent one is emptied by the service) and the version read. */
export function licenseUpdateBody(
  values: LicenseTermsValues,
  license: Pick<License, 'licenseType' | 'version'>,
): LicenseUpdateRequest {
  return {
    salesRepId: values.salesRepId || undefined,
    resellerId: values.resellerId || undefined,
    orderDate: toIsoDate(values.orderDate)!,
    startDate: toIsoDate(values.startDate)!,
    expiryDate: license.licenseType === 'PERPETUAL' ? undefined : toIsoDate(values.expiryDate),
    authorizedWorkspaces: values.authorizedWorkspaces!,
    authorizedUsers: values.authorizedUsers!,
    notes: optionalText(values.notes),
    version: license.version,
  };
}

interface Props {
  /** The license as currently read (after a "Reload", the fresh one: its version is sent). */
  license: License;
  onClose: () => void;
  /** Read the license again after a conflict; what was typed is kept. */
  onReload: () => void;
}

/**
 * Changes the terms of a license (admin, sales): sales rep, reseller, dates, authorized limits and
 * notes, over PUT /api/v1/licenses/{id} with If-Match and the version read. Mount it when it opens.
 */
export function LicenseEditModal({ license, onClose, onReload }: Props) {
  const [form] = Form.useForm<LicenseTermsValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useFormErrors(form);
  const id = license.id!;
  const perpetual = license.licenseType === 'PERPETUAL';

  const mutation = useMutation({
    mutationFn: async (values: LicenseTermsValues) => {
      const body = licenseUpdateBody(values, license);
      const version = license.version;
      const { data } = await licenseApi.PUT('/api/v1/licenses/{id}', {
        params: {
          path: { id },
          header: version === undefined || version === null ? undefined : { 'If-Match': `"${version}"` },
        },
        body,
      });
      return data!;
    },
  });

  const submit = async (values: LicenseTermsValues): Promise<boolean> => {
    errors.clear();
    try {
      const saved = await mutation.mutateAsync(values);
      queryClient.setQueryData(licenseKeys.detail(id), saved);
      invalidateLicenseData(queryClient);
      void message.success(t('licenses.edit.saved', { id }));
      onClose();
      return true;
    } catch (error) {
      errors.report(error);
      return false;
    }
  };

  const required = { required: true, message: t('licenses.edit.required') };

  return (
    <ModalForm<LicenseTermsValues>
      open
      form={form}
      name="edit-license-terms"
      title={t('licenses.edit.title', { id })}
      width={640}
      layout="vertical"
      dateFormatter={false}
      initialValues={valuesOf(license)}
      onOpenChange={(next) => !next && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: !mutation.isPending }}
      submitter={{
        searchConfig: { submitText: t('licenses.edit.save'), resetText: t('action.cancel') },
        submitButtonProps: { disabled: mutation.isPending },
      }}
      onValuesChange={() => errors.feedback?.kind === 'validation' && errors.clear()}
      onFinish={submit}
    >
      <ProForm.Group>
        <ProForm.Item name="salesRepId" label={t('licenses.field.salesRep')} style={{ width: 280 }}>
          <PartyPicker party="salesRep" />
        </ProForm.Item>
        <ProForm.Item name="resellerId" label={t('licenses.field.reseller')} style={{ width: 280 }}>
          <PartyPicker party="reseller" placeholder={t('licenses.edit.direct')} />
        </ProForm.Item>
      </ProForm.Group>
      <ProForm.Group>
        <ProFormDigit
          name="authorizedWorkspaces"
          label={t('licenses.field.authorizedWorkspaces')}
          width="sm"
          min={1}
          fieldProps={{ precision: 0 }}
          rules={[required]}
        />
        <ProFormDigit
          name="authorizedUsers"
          label={t('licenses.field.authorizedUsers')}
          width="sm"
          min={1}
          fieldProps={{ precision: 0 }}
          rules={[required]}
        />
      </ProForm.Group>
      <ProForm.Group>
        <ProFormDatePicker
          name="orderDate"
          label={t('licenses.field.orderDate')}
          width="sm"
          rules={[required]}
        />
        <ProFormDatePicker
          name="startDate"
          label={t('licenses.field.startDate')}
          width="sm"
          dependencies={['orderDate']}
          rules={[
            required,
            ({ getFieldValue }: RuleForm) => ({
              validator: (_rule: RuleObject, value: Dayjs | undefined) => {
                const order = getFieldValue('orderDate') as Dayjs | undefined;
                return value && order && value.isBefore(order, 'day')
                  ? Promise.reject(new Error(t('licenses.edit.startBeforeOrder')))
                  : Promise.resolve();
              },
            }),
          ]}
        />
        {perpetual ? (
          <ProForm.Item label={t('licenses.field.expiryDate')}>
            <Typography.Text type="secondary">{t('licenses.edit.perpetual')}</Typography.Text>
          </ProForm.Item>
        ) : (
          <ProFormDatePicker
            name="expiryDate"
            label={t('licenses.field.expiryDate')}
            width="sm"
            dependencies={['startDate']}
            rules={[
              required,
              ({ getFieldValue }: RuleForm) => ({
                validator: (_rule: RuleObject, value: Dayjs | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | undefined;
                  return value && start && !value.isAfter(start, 'day')
                    ? Promise.reject(new Error(t('licenses.edit.expiryAfterStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          />
        )}
      </ProForm.Group>
      <ProFormTextArea
        name="notes"
        label={t('licenses.field.notes')}
        fieldProps={{ maxLength: 10000, rows: 3 }}
      />
      <FormAlert
        feedback={errors.feedback}
        onReload={() => {
          onReload();
          errors.clear();
        }}
      />
    </ModalForm>
  );
}
