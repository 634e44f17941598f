import { useState } from 'react';
import { ProForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, App, Col, Form, Row } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { licenseApi } from '../../api/clients';
import type { components } from '../../api/schema/license-service';
import { can, type Role } from '../../auth/roles';
import { statusLabel } from '../../domain/license';
import { t } from '../../i18n';
import { invalidateLicenseData, transitionHints, useFormErrors } from '../../lib/forms';
import { FormAlert } from './FormAlert';
import { LicenseSummary } from './LicenseSummary';
import { LicensePicker } from './pickers';
import {
  opsKeys,
  useLicense,
  useStatusBeforeSuspension,
  type LicenseDto,
  type LicenseStatus,
} from './queries';
import { contextColumn, formColumn, submitButton, useLicenseFromUrl, type OperationProps } from './shared';

type TransitionRequest = components['schemas']['TransitionRequest'];
export type StatusAction = 'SUSPEND' | 'REINSTATE' | 'TERMINATE';

export interface StatusValues {
  licenseId?: string;
  action?: StatusAction;
  reason?: string;
}

const SUSPENDABLE: LicenseStatus[] = ['CREATED', 'DEPLOYED', 'IN_USE', 'RENEWED'];

/** The manual status changes a role may make, and whether the license's status allows each now. */
export function statusActions(roles: Role[], status: LicenseStatus | undefined) {
  const actions: { action: StatusAction; allowed: boolean }[] = [];
  if (can.suspendOrReinstate(roles)) {
    actions.push({ action: 'SUSPEND', allowed: !!status && SUSPENDABLE.includes(status) });
    actions.push({ action: 'REINSTATE', allowed: status === 'SUSPENDED' });
  }
  if (can.terminate(roles))
    actions.push({ action: 'TERMINATE', allowed: !!status && status !== 'TERMINATED' });
  return actions;
}

/** A working status a suspended license may return to, from a 409's allowedTransitions. */
function reinstatementTarget(error: unknown): LicenseStatus | undefined {
  const candidates = transitionHints(error).allowed.filter((s) => s !== 'SUSPENDED' && s !== 'TERMINATED');
  return candidates.length === 1 ? (candidates[0] as LicenseStatus) : undefined;
}

/**
 * Suspends, reinstates or terminates a license, with a required reason and a confirmation. A
 * reinstated license returns to the status it had before its suspension.
 */
export function StatusForm({ roles, licenseId, onLicensePick }: OperationProps) {
  const [form] = Form.useForm<StatusValues>();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const errors = useFormErrors(form, { aliases: { to: 'action' } });
  const [done, setDone] = useState<{ license: LicenseDto; action: StatusAction }>();
  useLicenseFromUrl(form, licenseId);
  const chosen: string | undefined = Form.useWatch('licenseId', form) ?? licenseId;
  const action: StatusAction | undefined = Form.useWatch('action', form);
  const license = useLicense(chosen).data;
  const status = license?.status;
  const before = useStatusBeforeSuspension(chosen, status === 'SUSPENDED');
  const actions = statusActions(roles, status);

  const mutation = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: TransitionRequest }) =>
      (await licenseApi.POST('/api/v1/licenses/{id}/transitions', { params: { path: { id } }, body })).data!,
  });

  const transition = async (id: string, values: StatusValues) => {
    const reason = values.reason!.trim();
    if (values.action !== 'REINSTATE') {
      const to: LicenseStatus = values.action === 'SUSPEND' ? 'SUSPENDED' : 'TERMINATED';
      return mutation.mutateAsync({ id, body: { to, reason } });
    }
    // Only the status before the suspension is allowed: any accepted guess is the right one. The
    // change log names it; when it does not (a renewal while suspended changes it), the 409 does.
    const guess: LicenseStatus = before.data ?? 'DEPLOYED';
    try {
      return await mutation.mutateAsync({ id, body: { to: guess, reason } });
    } catch (error) {
      const target = reinstatementTarget(error);
      if (target && target !== guess) return mutation.mutateAsync({ id, body: { to: target, reason } });
      throw error;
    }
  };

  const submit = (values: StatusValues) =>
    new Promise<void>((resolve) => {
      const id = values.licenseId!;
      const destructive = values.action !== 'REINSTATE';
      modal.confirm({
        title: t(`ops.status.confirm.${values.action!}`, { id }),
        content: t('ops.status.confirmDetail', { reason: values.reason!.trim() }),
        okText: t('action.confirm'),
        cancelText: t('action.cancel'),
        okButtonProps: { danger: destructive },
        onCancel: () => resolve(),
        onOk: async () => {
          errors.clear();
          try {
            const updated = await transition(id, values);
            queryClient.setQueryData(opsKeys.license(id), updated);
            invalidateLicenseData(queryClient, { alerts: true, eventual: true });
            void message.success(t(`ops.status.done.${values.action!}`, { id }));
            setDone({ license: updated, action: values.action! });
            form.resetFields(['reason', 'action']);
          } catch (error) {
            errors.report(error);
          } finally {
            resolve();
          }
        },
      });
    });

  const reload = () => {
    if (chosen) void queryClient.invalidateQueries({ queryKey: opsKeys.license(chosen) });
    errors.clear();
  };

  const danger = action === 'TERMINATE' || action === 'SUSPEND';
  const submitText = action ? t(`ops.status.submit.${action}`) : t('ops.status.submit');

  return (
    <Row gutter={[24, 24]}>
      <Col {...formColumn}>
        <ProForm<StatusValues>
          name="change-status"
          form={form}
          layout="vertical"
          initialValues={{ licenseId }}
          onFinish={submit}
          onValuesChange={(changed: Partial<StatusValues>) => {
            if (done && (changed.action || changed.licenseId || changed.reason)) setDone(undefined);
          }}
          submitter={submitButton(submitText, mutation.isPending, { danger })}
        >
          <LicensePicker onPick={onLicensePick} />
          <ProFormRadio.Group
            name="action"
            label={t('ops.field.statusAction')}
            radioType="button"
            dependencies={['licenseId']}
            options={actions.map(({ action: a, allowed }) => ({
              value: a,
              disabled: !!status && !allowed,
              label:
                a === 'REINSTATE' && status === 'SUSPENDED' && before.data
                  ? t('ops.status.action.REINSTATE.to', { status: statusLabel(before.data) })
                  : t(`ops.status.action.${a}`),
            }))}
            extra={status ? t('ops.status.current', { status: statusLabel(status) }) : undefined}
            rules={[
              { required: true, message: t('ops.validation.actionRequired') },
              {
                validator: (_rule, value: StatusAction | undefined) =>
                  value && status && !actions.find((a) => a.action === value)?.allowed
                    ? Promise.reject(
                        new Error(t('ops.validation.actionNotNow', { status: statusLabel(status) })),
                      )
                    : Promise.resolve(),
              },
            ]}
          />
          <ProFormTextArea
            name="reason"
            label={t('ops.field.reason')}
            fieldProps={{ maxLength: 500, showCount: true, rows: 3 }}
            rules={[{ required: true, whitespace: true, message: t('ops.validation.reasonRequired') }]}
          />
          {action === 'TERMINATE' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('ops.status.terminateWarning')}
            />
          )}
          <FormAlert feedback={errors.feedback} onReload={reload} onClose={errors.clear} />
          {done && (
            <Alert
              role="status"
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              message={t(`ops.status.done.${done.action}`, { id: done.license.id ?? '' })}
              description={
                <Link to={`/licenses/${done.license.id}`}>
                  {t('ops.create.open', { id: done.license.id ?? '' })}
                </Link>
              }
            />
          )}
        </ProForm>
      </Col>
      <Col {...contextColumn}>
        <LicenseSummary licenseId={chosen} />
      </Col>
    </Row>
  );
}
