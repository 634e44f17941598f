import {
  ModalForm,
  ProForm,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { deploymentApi } from '../../api/clients';
import type { components } from '../../api/schema/deployment-service';
import { t } from '../../i18n';
import { optionalText, queryRoots, toIsoDate, useFormErrors } from '../../lib/forms';
import { EngineerSelect } from '../engineers/EngineerSelect';
import { environmentLabel } from '../licenses/licenseFormat';
import { FormAlert } from '../operations/FormAlert';
import type { Deployment } from './deploymentFilters';
import { deploymentTitle } from './deploymentFormat';
import { deploymentKeys, ifMatchOf, type DeploymentRead } from './deploymentQueries';

type DeploymentUpdateRequest = components['schemas']['DeploymentUpdateRequest'];
type Environment = DeploymentUpdateRequest['environment'];
const ENVIRONMENTS: Environment[] = ['ON_PREMISES', 'PRIVATE_CLOUD', 'PUBLIC_CLOUD'];

export interface PlanValues {
  scheduledDate?: Dayjs;
  engineerId?: string;
  environment?: Environment;
  productVersion?: string;
  notes?: string;
}

function valuesOf(d: Deployment): PlanValues {
  return {
    scheduledDate: d.scheduledDate ? dayjs(d.scheduledDate) : undefined,
    engineerId: d.engineerId,
    environment: d.environment,
    productVersion: d.productVersion,
    notes: d.notes,
  };
}

/** The PUT body: every editable field (absent notes are emptied) and the version read. */
export function planBody(values: PlanValues, version: number | undefined): DeploymentUpdateRequest {
  return {
    scheduledDate: toIsoDate(values.scheduledDate)!,
    engineerId: values.engineerId!,
    environment: values.environment!,
    productVersion: values.productVersion!.trim(),
    notes: optionalText(values.notes),
    version,
  };
}

interface Props {
  /** The deployment as currently read, with its ETag (after a "Reload", the fresh one). */
  read: DeploymentRead;
  onClose: () => void;
  /** Read the deployment again after a conflict; what was typed is kept. */
  onReload: () => void;
}

/**
 * Changes the plan of a SCHEDULED deployment: date, engineer (by name), environment, product
 * version, notes; PUT /api/v1/deployments/{id} with If-Match and the version read. Mount it when it opens.
 */
export function DeploymentPlanModal({ read, onClose, onReload }: Props) {
  const [form] = Form.useForm<PlanValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useFormErrors(form);
  const deployment = read.deployment;
  const id = deployment.id!;

  const mutation = useMutation({
    mutationFn: async (values: PlanValues): Promise<DeploymentRead> => {
      const ifMatch = ifMatchOf(read.etag, deployment.version);
      const { data, response } = await deploymentApi.PUT('/api/v1/deployments/{id}', {
        params: { path: { id }, header: ifMatch ? { 'If-Match': ifMatch } : undefined },
        body: planBody(values, deployment.version),
      });
      return { deployment: data!, etag: response.headers.get('ETag') ?? undefined };
    },
  });

  const submit = async (values: PlanValues): Promise<boolean> => {
    errors.clear();
    try {
      const saved = await mutation.mutateAsync(values);
      queryClient.setQueryData(deploymentKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: queryRoots.deployments });
      void message.success(t('deployments.edit.saved'));
      onClose();
      return true;
    } catch (error) {
      errors.report(error);
      return false;
    }
  };

  const required = { required: true, message: t('deployments.edit.required') };

  return (
    <ModalForm<PlanValues>
      open
      form={form}
      name="edit-deployment-plan"
      title={t('deployments.edit.title', { title: deploymentTitle(deployment) })}
      width={560}
      layout="vertical"
      dateFormatter={false}
      initialValues={valuesOf(deployment)}
      onOpenChange={(next) => !next && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: !mutation.isPending }}
      submitter={{
        searchConfig: { submitText: t('deployments.edit.save'), resetText: t('action.cancel') },
        submitButtonProps: { disabled: mutation.isPending },
      }}
      onValuesChange={() => errors.feedback?.kind === 'validation' && errors.clear()}
      onFinish={submit}
    >
      <ProFormDatePicker
        name="scheduledDate"
        label={t('deployments.field.scheduledDate')}
        width="sm"
        rules={[required]}
      />
      <ProForm.Item name="engineerId" label={t('deployments.field.engineer')} rules={[required]}>
        <EngineerSelect placeholder={t('deployments.edit.engineerPlaceholder')} />
      </ProForm.Item>
      <ProFormSelect
        name="environment"
        label={t('deployments.field.environment')}
        width="md"
        options={ENVIRONMENTS.map((env) => ({ value: env, label: environmentLabel(env) }))}
        fieldProps={{ allowClear: false }}
        rules={[required]}
      />
      <ProFormText
        name="productVersion"
        label={t('deployments.field.productVersion')}
        width="md"
        fieldProps={{ maxLength: 50, autoComplete: 'off' }}
        rules={[{ ...required, whitespace: true }]}
      />
      <ProFormTextArea
        name="notes"
        label={t('deployments.field.notes')}
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
