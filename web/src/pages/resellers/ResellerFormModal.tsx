import { ModalForm, ProForm, ProFormSelect, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Form } from 'antd';
import { useState } from 'react';
import { t } from '../../i18n';
import { useFormErrors, useIdempotencyKey } from '../../lib/forms';
import { KNOWN_REGIONS } from '../customers/partyFormat';
import { conflictOnField, shownFeedback } from '../customers/writeErrors';
import { FormAlert } from '../operations/FormAlert';
import {
  createReseller,
  RESELLER_CODE,
  RESELLER_TIERS,
  resellerKeys,
  updateReseller,
  type ResellerDto,
  type ResellerRequest,
  type ResellerTier,
} from './resellerData';
import { tierLabel } from './resellerFormat';

export interface ResellerValues {
  name?: string;
  code?: string;
  contactEmail?: string;
  region?: string;
  tier?: ResellerTier;
  active?: boolean;
}

interface Props {
  /** The reseller being edited, as last read (its version goes as If-Match); none to create one. */
  reseller?: ResellerDto;
  /** Read the reseller again after a conflict (what the user typed stays); resolves to the fresh one. */
  onReload?: () => Promise<ResellerDto | undefined>;
  onSaved: (reseller: ResellerDto) => void;
  onClose: () => void;
}

/**
 * Creates or edits a reseller (admin) in a dialog. The code is the partner's `reseller_id` and
 * cannot change once created; a code another reseller has (409) shows beside the code, a change
 * made meanwhile (412) offers to reload, keeping what was typed. Mount it to open it.
 */
export function ResellerFormModal({ reseller, onReload, onSaved, onClose }: Props) {
  const [form] = Form.useForm<ResellerValues>();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFormErrors(form);
  const [base, setBase] = useState(reseller);
  const [initialValues] = useState<ResellerValues>(() =>
    reseller
      ? {
          name: reseller.name,
          code: reseller.code,
          contactEmail: reseller.contactEmail,
          region: reseller.region,
          tier: reseller.tier,
          active: reseller.active,
        }
      : { active: true, tier: 'AUTHORIZED' },
  );
  const editing = !!base?.id;

  const mutation = useMutation({
    mutationFn: (values: ResellerValues) => {
      const body: ResellerRequest = {
        name: values.name!.trim(),
        code: base?.id ? base.code : values.code!.trim(),
        contactEmail: values.contactEmail!.trim(),
        region: values.region!.trim(),
        tier: values.tier!,
        active: values.active ?? true,
      };
      return base?.id
        ? updateReseller(base.id, { ...body, version: base.version })
        : createReseller(body, idempotency.key);
    },
  });

  const submit = async (values: ResellerValues) => {
    errors.clear();
    try {
      const saved = await mutation.mutateAsync(values);
      if (saved.id) queryClient.setQueryData(resellerKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: resellerKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: resellerKeys.names });
      idempotency.renew();
      onSaved(saved);
      return true;
    } catch (error) {
      const feedback = errors.report(error);
      // The code is the only unique value: a 409 on create that is not a stale version names it.
      if (!editing) conflictOnField(form, feedback, 'code');
      return false;
    }
  };

  const reload = async () => {
    errors.clear();
    const fresh = await onReload?.();
    if (fresh) setBase(fresh);
  };

  return (
    <ModalForm<ResellerValues>
      open
      title={
        editing ? t('resellers.form.editTitle', { name: base?.name ?? '' }) : t('resellers.form.newTitle')
      }
      name={editing ? 'edit-reseller' : 'new-reseller'}
      form={form}
      layout="vertical"
      width={560}
      initialValues={initialValues}
      onOpenChange={(open) => !open && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={submit}
      onValuesChange={() => errors.feedback?.kind === 'validation' && errors.clear()}
      submitter={{
        searchConfig: {
          submitText: editing ? t('resellers.form.save') : t('resellers.form.create'),
          resetText: t('action.cancel'),
        },
        submitButtonProps: { loading: mutation.isPending, disabled: mutation.isPending },
      }}
    >
      <ProFormText
        name="name"
        label={t('resellers.field.name')}
        fieldProps={{ maxLength: 200 }}
        rules={[{ required: true, whitespace: true, message: t('parties.validation.required') }]}
      />
      <ProFormText
        name="code"
        label={t('resellers.field.code')}
        disabled={editing}
        extra={editing ? t('resellers.form.codeFixed') : t('resellers.form.codeHelp')}
        fieldProps={{ maxLength: 32, autoComplete: 'off' }}
        rules={
          editing
            ? []
            : [
                { required: true, whitespace: true, message: t('parties.validation.required') },
                { pattern: RESELLER_CODE, message: t('resellers.validation.code') },
              ]
        }
      />
      <ProFormText
        name="contactEmail"
        label={t('resellers.field.contactEmail')}
        fieldProps={{ maxLength: 254, type: 'email', autoComplete: 'off' }}
        rules={[
          { required: true, whitespace: true, message: t('parties.validation.required') },
          { type: 'email', message: t('parties.validation.email') },
        ]}
      />
      <ProForm.Group>
        <ProForm.Item
          name="region"
          label={t('resellers.field.region')}
          rules={[
            { required: true, whitespace: true, message: t('parties.validation.required') },
            { max: 50, message: t('parties.validation.max', { max: 50 }) },
          ]}
        >
          <AutoComplete style={{ width: 216 }} options={KNOWN_REGIONS.map((r) => ({ value: r }))} />
        </ProForm.Item>
        <ProFormSelect
          name="tier"
          label={t('resellers.field.tier')}
          width="sm"
          allowClear={false}
          options={RESELLER_TIERS.map((tier) => ({ value: tier, label: tierLabel(tier) }))}
          rules={[{ required: true, message: t('parties.validation.required') }]}
        />
      </ProForm.Group>
      <ProFormSwitch
        name="active"
        label={t('resellers.field.active')}
        extra={t('resellers.form.activeHelp')}
      />
      <FormAlert
        feedback={shownFeedback(errors.feedback)}
        onReload={editing ? () => void reload() : undefined}
        onClose={errors.clear}
      />
    </ModalForm>
  );
}
