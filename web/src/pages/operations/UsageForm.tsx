import { useState } from 'react';
import { ProForm, ProFormDateTimePicker, ProFormDigit } from '@ant-design/pro-components';
import { Alert, Col, Form, Row } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { licenseApi } from '../../api/clients';
import type { components } from '../../api/schema/license-service';
import { statusLabel } from '../../domain/license';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { invalidateLicenseData, toIsoDateTime, useFormErrors } from '../../lib/forms';
import { FormAlert } from './FormAlert';
import { LicenseSummary } from './LicenseSummary';
import { LicensePicker } from './pickers';
import { opsKeys, useLicense } from './queries';
import { contextColumn, formColumn, submitButton, useLicenseFromUrl, type OperationProps } from './shared';

type UsageReportRequest = components['schemas']['UsageReportRequest'];
type UsageReportDto = components['schemas']['UsageReportDto'];

export interface UsageValues {
  licenseId?: string;
  workspaces?: number;
  users?: number;
  reportedAt?: Dayjs | null;
}

/** Reports the workspaces and users a license uses; the newest report is the license's usage. */
export function UsageForm({ licenseId, onLicensePick }: OperationProps) {
  const [form] = Form.useForm<UsageValues>();
  const queryClient = useQueryClient();
  const errors = useFormErrors(form);
  const [reported, setReported] = useState<{ id: string; report: UsageReportDto }>();
  useLicenseFromUrl(form, licenseId);
  const chosen: string | undefined = Form.useWatch('licenseId', form) ?? licenseId;
  const workspaces: number | undefined = Form.useWatch('workspaces', form);
  const users: number | undefined = Form.useWatch('users', form);
  const license = useLicense(chosen).data;

  const mutation = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UsageReportRequest }) =>
      (await licenseApi.POST('/api/v1/licenses/{id}/usage', { params: { path: { id } }, body })).data!,
  });

  const submit = async (values: UsageValues) => {
    errors.clear();
    setReported(undefined);
    const id = values.licenseId!;
    try {
      const report = await mutation.mutateAsync({
        id,
        body: {
          workspaces: values.workspaces!,
          users: values.users!,
          reportedAt: toIsoDateTime(values.reportedAt),
        },
      });
      invalidateLicenseData(queryClient, { alerts: true, eventual: true });
      setReported({ id, report });
      form.resetFields(['workspaces', 'users', 'reportedAt']);
    } catch (error) {
      errors.report(error);
    }
  };

  const reload = () => {
    if (chosen) void queryClient.invalidateQueries({ queryKey: opsKeys.license(chosen) });
    errors.clear();
  };

  const above = (value: number | undefined, limit: number | undefined) =>
    value != null && limit != null && value > limit
      ? t('ops.usage.aboveLimit', { limit: formatNumber(limit) })
      : undefined;

  return (
    <Row gutter={[24, 24]}>
      <Col {...formColumn}>
        <ProForm<UsageValues>
          name="report-usage"
          form={form}
          layout="vertical"
          dateFormatter={false}
          initialValues={{ licenseId }}
          onFinish={submit}
          submitter={submitButton(t('ops.usage.submit'), mutation.isPending)}
        >
          <LicensePicker onPick={onLicensePick} />
          <ProForm.Group>
            <ProFormDigit
              name="workspaces"
              label={t('ops.field.workspaces')}
              width="sm"
              min={0}
              fieldProps={{ precision: 0 }}
              extra={above(workspaces, license?.authorizedWorkspaces)}
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
            <ProFormDigit
              name="users"
              label={t('ops.field.users')}
              width="sm"
              min={0}
              fieldProps={{ precision: 0 }}
              extra={above(users, license?.authorizedUsers)}
              rules={[{ required: true, message: t('ops.validation.required') }]}
            />
          </ProForm.Group>
          <ProFormDateTimePicker
            name="reportedAt"
            label={t('ops.field.reportedAt')}
            width="md"
            extra={t('ops.usage.reportedAtHelp')}
            fieldProps={{ disabledDate: (day: Dayjs) => day.isAfter(dayjs().endOf('day')) }}
            rules={[
              {
                validator: (_rule, value: Dayjs | null | undefined) =>
                  value && value.isAfter(dayjs().add(5, 'minute'))
                    ? Promise.reject(new Error(t('ops.validation.reportedAtFuture')))
                    : Promise.resolve(),
              },
            ]}
          />
          <FormAlert feedback={errors.feedback} onReload={reload} onClose={errors.clear} />
          {reported && (
            <Alert
              role="status"
              type={reported.report.overused ? 'warning' : 'success'}
              showIcon
              closable
              onClose={() => setReported(undefined)}
              style={{ marginBottom: 16 }}
              message={t('ops.usage.success', {
                id: reported.id,
                workspaces: formatNumber(reported.report.workspaces),
                users: formatNumber(reported.report.users),
                at: formatDateTime(reported.report.reportedAt),
              })}
              description={
                <>
                  {reported.report.overused && <div>{t('ops.usage.overused')}</div>}
                  {reported.report.latest === false && <div>{t('ops.usage.notLatest')}</div>}
                  {reported.report.licenseStatus && (
                    <div>
                      {t('ops.usage.statusNow', { status: statusLabel(reported.report.licenseStatus) })}
                    </div>
                  )}
                  <Link to={`/licenses/${reported.id}`}>{t('ops.create.open', { id: reported.id })}</Link>
                </>
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
