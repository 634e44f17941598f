import { useState } from 'react';
import {
  ProForm,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, Col, Form, Row, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { deploymentApi } from '../../api/clients';
import type { components } from '../../api/schema/deployment-service';
import { can } from '../../auth/roles';
import { formatDate, t, type MessageKey } from '../../i18n';
import {
  invalidateLicenseData,
  queryRoots,
  optionalText,
  toIsoDate,
  useFormErrors,
  useIdempotencyKey,
} from '../../lib/forms';
import { DeploymentBoard } from './DeploymentBoard';
import { FormAlert } from './FormAlert';
import { LicenseSummary } from './LicenseSummary';
import { EngineerPicker, LicensePicker, type Picked } from './pickers';
import { opsKeys, useLatestProductVersion, type DeploymentDto } from './queries';
import { contextColumn, formColumn, submitButton, useLicenseFromUrl, type OperationProps } from './shared';

type NewDeploymentRequest = components['schemas']['NewDeploymentRequest'];
type Environment = NewDeploymentRequest['environment'];
const ENVIRONMENTS: Environment[] = ['ON_PREMISES', 'PRIVATE_CLOUD', 'PUBLIC_CLOUD'];

export interface DeploymentValues {
  licenseId?: string;
  engineerId?: Picked;
  scheduledDate?: Dayjs;
  environment: Environment;
  productVersion?: string;
  notes?: string;
}

/**
 * Schedules a deployment of a license with an engineer; below, the deployments of the license (or
 * the open ones) with their transitions for engineers and admins.
 */
export function DeploymentForm({
  roles,
  licenseId,
  onLicensePick,
  email,
}: OperationProps & { email?: string }) {
  const [form] = Form.useForm<DeploymentValues>();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFormErrors(form);
  const [scheduled, setScheduled] = useState<DeploymentDto>();
  useLicenseFromUrl(form, licenseId);
  const chosen: string | undefined = Form.useWatch('licenseId', form) ?? licenseId;
  const latestVersion = useLatestProductVersion().data;

  const mutation = useMutation({
    mutationFn: async (body: NewDeploymentRequest) =>
      (
        await deploymentApi.POST('/api/v1/deployments', {
          body,
          headers: { 'Idempotency-Key': idempotency.key },
        })
      ).data!,
  });

  const submit = async (values: DeploymentValues) => {
    errors.clear();
    setScheduled(undefined);
    try {
      const deployment = await mutation.mutateAsync({
        licenseId: values.licenseId!,
        engineerId: values.engineerId!.value,
        scheduledDate: toIsoDate(values.scheduledDate)!,
        environment: values.environment,
        productVersion: values.productVersion!.trim(),
        notes: optionalText(values.notes),
      });
      invalidateLicenseData(queryClient, { deployments: true });
      idempotency.renew();
      setScheduled(deployment);
      form.resetFields(['engineerId', 'notes']);
    } catch (error) {
      errors.report(error);
    }
  };

  const reload = () => {
    if (chosen) void queryClient.invalidateQueries({ queryKey: opsKeys.license(chosen) });
    void queryClient.invalidateQueries({ queryKey: queryRoots.deployments });
    errors.clear();
  };

  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <Row gutter={[24, 24]}>
        <Col {...formColumn}>
          <ProForm<DeploymentValues>
            name="schedule-deployment"
            form={form}
            layout="vertical"
            dateFormatter={false}
            initialValues={{ licenseId, scheduledDate: dayjs().startOf('day'), environment: 'ON_PREMISES' }}
            onFinish={submit}
            onValuesChange={() => scheduled && setScheduled(undefined)}
            submitter={submitButton(t('ops.deploy.submit'), mutation.isPending)}
          >
            <LicensePicker onPick={onLicensePick} />
            <EngineerPicker />
            <ProForm.Group>
              <ProFormDatePicker
                name="scheduledDate"
                label={t('ops.field.scheduledDate')}
                width="sm"
                rules={[{ required: true, message: t('ops.validation.required') }]}
              />
              <ProFormSelect
                name="environment"
                label={t('ops.field.environment')}
                width="sm"
                options={ENVIRONMENTS.map((env) => ({
                  value: env,
                  label: t(`ops.environment.${env}` as MessageKey),
                }))}
                fieldProps={{ allowClear: false }}
                rules={[{ required: true, message: t('ops.validation.required') }]}
              />
              {/* Prefilled with the version deployed last (remounted once known; what was typed stays) */}
              <ProFormText
                key={latestVersion ?? 'unknown'}
                initialValue={latestVersion ?? undefined}
                name="productVersion"
                label={t('ops.field.productVersion')}
                width="sm"
                fieldProps={{ maxLength: 50 }}
                rules={[{ required: true, whitespace: true, message: t('ops.validation.required') }]}
              />
            </ProForm.Group>
            <ProFormTextArea
              name="notes"
              label={t('ops.field.notes')}
              fieldProps={{ maxLength: 10000, rows: 3 }}
            />
            <FormAlert feedback={errors.feedback} onReload={reload} onClose={errors.clear} />
            {scheduled && (
              <Alert
                role="status"
                type="success"
                showIcon
                closable
                onClose={() => setScheduled(undefined)}
                style={{ marginBottom: 16 }}
                message={t('ops.deploy.success', {
                  id: scheduled.licenseId ?? '',
                  date: formatDate(scheduled.scheduledDate),
                  engineer: scheduled.engineerName ?? t('state.unknownName'),
                })}
                description={
                  scheduled.licenseId && (
                    <Link to={`/licenses/${scheduled.licenseId}`}>
                      {t('ops.create.open', { id: scheduled.licenseId })}
                    </Link>
                  )
                }
              />
            )}
          </ProForm>
        </Col>
        <Col {...contextColumn}>
          <LicenseSummary licenseId={chosen} />
        </Col>
      </Row>
      <DeploymentBoard licenseId={chosen} canRun={can.runDeployment(roles)} email={email} />
    </Space>
  );
}
