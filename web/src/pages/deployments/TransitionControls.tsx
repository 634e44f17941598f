import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { deploymentApi } from '../../api/clients';
import { formatDate, t, type MessageKey } from '../../i18n';
import { invalidateLicenseData, optionalText, useFormErrors } from '../../lib/forms';
import { DEPLOYMENT_MOVES } from '../operations/DeploymentBoard';
import { FormAlert } from '../operations/FormAlert';
import type { Deployment, DeploymentStatus } from './deploymentFilters';
import { deploymentKeys, ifMatchOf, type DeploymentRead } from './deploymentQueries';

interface Props {
  read: DeploymentRead;
  /** The engineer's name as the page shows it (the confirmation names them). */
  engineerName: string | undefined;
}

/**
 * The moves the deployment's status allows (SCHEDULED → start or cancel, IN_PROGRESS → complete or
 * fail), each behind a confirmation. Only shown to roles that may run deployments (the page decides).
 */
export function TransitionControls({ read, engineerName }: Props) {
  const [moving, setMoving] = useState<DeploymentStatus>();
  const status = read.deployment.status;
  const moves = status ? DEPLOYMENT_MOVES[status] : [];
  if (!moves.length) return null;
  return (
    <>
      <Space wrap role="group" aria-label={t('deployments.detail.actions')} data-testid="deployment-actions">
        {moves.map((to) => (
          <Button
            key={to}
            type={to === 'IN_PROGRESS' || to === 'COMPLETED' ? 'primary' : 'default'}
            danger={to === 'FAILED' || to === 'CANCELLED'}
            data-move={to}
            onClick={() => setMoving(to)}
          >
            {t(`ops.deploy.move.${to}` as MessageKey)}
          </Button>
        ))}
      </Space>
      {moving && (
        <TransitionDialog
          read={read}
          to={moving}
          engineerName={engineerName}
          onClose={() => setMoving(undefined)}
        />
      )}
    </>
  );
}

interface TransitionValues {
  reason?: string;
  note?: string;
}

/**
 * Confirms one move, with a note (a reason, required, for a failure). Sent with the ETag the
 * deployment was read with as If-Match: a 412 (someone moved it meanwhile) offers to reload it,
 * keeping the note; a 409 says what the status is now and which moves it allows.
 */
function TransitionDialog({
  read,
  to,
  engineerName,
  onClose,
}: {
  read: DeploymentRead;
  to: DeploymentStatus;
  engineerName: string | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TransitionValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useFormErrors(form);
  const failing = to === 'FAILED';
  const deployment: Deployment = read.deployment;
  const id = deployment.id!;

  const mutation = useMutation({
    mutationFn: async (values: TransitionValues): Promise<DeploymentRead> => {
      const ifMatch = ifMatchOf(read.etag, deployment.version);
      const { data, response } = await deploymentApi.POST('/api/v1/deployments/{id}/transitions', {
        params: { path: { id }, header: ifMatch ? { 'If-Match': ifMatch } : undefined },
        body: {
          to,
          reason: failing ? optionalText(values.reason) : undefined,
          note: failing ? undefined : optionalText(values.note),
        },
      });
      return { deployment: data!, etag: response.headers.get('ETag') ?? undefined };
    },
  });

  const submit = async (values: TransitionValues): Promise<boolean> => {
    errors.clear();
    try {
      const moved = await mutation.mutateAsync(values);
      queryClient.setQueryData(deploymentKeys.detail(id), moved);
      // lists, history, board and figures; a completion makes the license DEPLOYED through an event
      invalidateLicenseData(queryClient, { deployments: true, eventual: to === 'COMPLETED' });
      void message.success(t(`ops.deploy.moved.${to}` as MessageKey, { id: deployment.licenseId ?? '' }));
      return true;
    } catch (error) {
      errors.report(error);
      return false;
    }
  };

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(id) });
    errors.clear();
  };

  return (
    <ModalForm<TransitionValues>
      open
      form={form}
      name="deployment-transition"
      title={t(`ops.deploy.confirm.${to}` as MessageKey, { id: deployment.licenseId ?? '' })}
      width={520}
      onOpenChange={(open) => !open && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: !mutation.isPending }}
      submitter={{
        searchConfig: { submitText: t('action.confirm'), resetText: t('action.cancel') },
        submitButtonProps: { danger: failing || to === 'CANCELLED', disabled: mutation.isPending },
      }}
      onFinish={submit}
    >
      <Typography.Paragraph>
        {t(`ops.deploy.confirmDetail.${to}` as MessageKey, {
          date: formatDate(deployment.scheduledDate),
          engineer: engineerName ?? deployment.engineerName ?? t('state.unknownName'),
        })}
      </Typography.Paragraph>
      {failing ? (
        <ProFormTextArea
          name="reason"
          label={t('ops.field.failureReason')}
          fieldProps={{ maxLength: 500, showCount: true, rows: 3 }}
          rules={[{ required: true, whitespace: true, message: t('ops.validation.failureReasonRequired') }]}
        />
      ) : (
        <ProFormTextArea
          name="note"
          label={t('ops.field.note')}
          fieldProps={{ maxLength: 500, showCount: true, rows: 3 }}
        />
      )}
      <FormAlert feedback={errors.feedback} onReload={reload} />
    </ModalForm>
  );
}
