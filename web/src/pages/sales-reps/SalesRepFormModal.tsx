import { ModalForm, ProForm, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Form } from 'antd';
import { useState } from 'react';
import { t } from '../../i18n';
import { useFormErrors, useIdempotencyKey } from '../../lib/forms';
import { KNOWN_REGIONS } from '../customers/partyFormat';
import { conflictOnField, shownFeedback } from '../customers/writeErrors';
import { FormAlert } from '../operations/FormAlert';
import { createSalesRep, salesRepKeys, updateSalesRep, type SalesRepDto } from './salesRepData';

export interface SalesRepValues {
  name?: string;
  email?: string;
  region?: string;
  active?: boolean;
}

interface Props {
  /** The rep being edited, as last read (its version goes as If-Match); none to create one. */
  rep?: SalesRepDto;
  /** Read the rep again after a conflict (what the user typed stays); resolves to the fresh one. */
  onReload?: () => Promise<SalesRepDto | undefined>;
  onSaved: (rep: SalesRepDto) => void;
  onClose: () => void;
}

/**
 * Creates or edits a sales rep (admin) in a dialog: name, e-mail, region, active. Field problems show
 * beside their fields, an e-mail another rep has (409) beside the e-mail, a change made meanwhile
 * (412) offers to reload the rep, keeping what was typed. Mount it to open it.
 */
export function SalesRepFormModal({ rep, onReload, onSaved, onClose }: Props) {
  const [form] = Form.useForm<SalesRepValues>();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFormErrors(form);
  const [base, setBase] = useState(rep);
  const [initialValues] = useState<SalesRepValues>(() =>
    rep ? { name: rep.name, email: rep.email, region: rep.region, active: rep.active } : { active: true },
  );
  const editing = !!base?.id;

  const mutation = useMutation({
    mutationFn: (values: SalesRepValues) => {
      const body = {
        name: values.name!.trim(),
        email: values.email!.trim(),
        region: values.region!.trim(),
        active: values.active ?? true,
      };
      return base?.id
        ? updateSalesRep(base.id, { ...body, version: base.version })
        : createSalesRep(body, idempotency.key);
    },
  });

  const submit = async (values: SalesRepValues) => {
    errors.clear();
    try {
      const saved = await mutation.mutateAsync(values);
      if (saved.id) queryClient.setQueryData(salesRepKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: salesRepKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: salesRepKeys.names });
      idempotency.renew();
      onSaved(saved);
      return true;
    } catch (error) {
      conflictOnField(form, errors.report(error), 'email');
      return false;
    }
  };

  const reload = async () => {
    errors.clear();
    const fresh = await onReload?.();
    if (fresh) setBase(fresh);
  };

  return (
    <ModalForm<SalesRepValues>
      open
      title={
        editing ? t('salesReps.form.editTitle', { name: base?.name ?? '' }) : t('salesReps.form.newTitle')
      }
      name={editing ? 'edit-sales-rep' : 'new-sales-rep'}
      form={form}
      layout="vertical"
      width={520}
      initialValues={initialValues}
      onOpenChange={(open) => !open && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={submit}
      onValuesChange={() => errors.feedback?.kind === 'validation' && errors.clear()}
      submitter={{
        searchConfig: {
          submitText: editing ? t('salesReps.form.save') : t('salesReps.form.create'),
          resetText: t('action.cancel'),
        },
        submitButtonProps: { loading: mutation.isPending, disabled: mutation.isPending },
      }}
    >
      <ProFormText
        name="name"
        label={t('salesReps.field.name')}
        fieldProps={{ maxLength: 200 }}
        rules={[{ required: true, whitespace: true, message: t('parties.validation.required') }]}
      />
      <ProFormText
        name="email"
        label={t('salesReps.field.email')}
        fieldProps={{ maxLength: 254, type: 'email', autoComplete: 'off' }}
        rules={[
          { required: true, whitespace: true, message: t('parties.validation.required') },
          { type: 'email', message: t('parties.validation.email') },
        ]}
      />
      <ProForm.Item
        name="region"
        label={t('salesReps.field.region')}
        rules={[
          { required: true, whitespace: true, message: t('parties.validation.required') },
          { max: 50, message: t('parties.validation.max', { max: 50 }) },
        ]}
      >
        <AutoComplete options={KNOWN_REGIONS.map((r) => ({ value: r }))} />
      </ProForm.Item>
      <ProFormSwitch
        name="active"
        label={t('salesReps.field.active')}
        extra={t('salesReps.form.activeHelp')}
      />
      <FormAlert
        feedback={shownFeedback(errors.feedback)}
        onReload={editing ? () => void reload() : undefined}
        onClose={errors.clear}
      />
    </ModalForm>
  );
}
