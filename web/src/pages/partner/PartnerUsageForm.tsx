import { useMemo, useState } from 'react';
import {
  ProCard,
  ProForm,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormSelect,
} from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Descriptions, Empty, Form, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { describeError, SectionState } from '../../components/SectionState';
import { ExpiryText, LicenseStatusTag, statusLabel } from '../../domain/license';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { toIsoDateTime, useFormErrors, useIdempotencyKey } from '../../lib/forms';
import { usageText } from '../licenses/licenseFormat';
import { FormAlert } from '../operations/FormAlert';
import { submitButton, useLicenseFromUrl } from '../operations/shared';
import { PartnerCustomerName, partnerPaths } from './partnerParts';
import {
  partnerKeys,
  reportPartnerUsage,
  usePartnerCustomerNames,
  usePartnerLicense,
  usePartnerLicenseSearch,
  type PartnerLicense,
  type PartnerUsageReport,
  type UsageReportRequest,
} from './partnerQueries';

export interface PartnerUsageValues {
  licenseId?: string;
  workspaces?: number;
  users?: number;
  reportedAt?: Dayjs | null;
}

interface Props {
  /** The license the form starts with (`?license=` of the URL). */
  licenseId?: string;
  /** The partner picked or cleared a license: the URL follows. */
  onLicensePick?: (id: string | undefined) => void;
}

/** Picks one of the reseller's licenses, searched by License ID or customer name as the partner types. */
function PartnerLicensePicker({ onPick }: { onPick?: (id: string | undefined) => void }) {
  const form = Form.useFormInstance<PartnerUsageValues>();
  const value = Form.useWatch('licenseId', form);
  const [search, setSearch] = useState('');
  const results = usePartnerLicenseSearch(search);
  const selected = usePartnerLicense(value);
  const customers = usePartnerCustomerNames();

  const licenses = useMemo(() => {
    const list: PartnerLicense[] = [...(results.data ?? [])];
    if (selected.data?.id && !list.some((l) => l.id === selected.data.id)) list.unshift(selected.data);
    return list;
  }, [results.data, selected.data]);

  const options = licenses
    .filter((license): license is PartnerLicense & { id: string } => !!license.id)
    .map((license) => {
      const customer = customers.nameOf(license.customerId);
      const status = license.status ? statusLabel(license.status) : '';
      return {
        value: license.id,
        label: [license.id, customer && `— ${customer}`, status && `(${status})`].filter(Boolean).join(' '),
      };
    });

  const notFound = results.error
    ? describeError(results.error).title
    : results.isFetching
      ? t('state.loading')
      : t('partner.usage.noLicense');

  return (
    <ProFormSelect
      name="licenseId"
      label={t('partner.usage.license')}
      placeholder={t('partner.usage.licensePlaceholder')}
      rules={[{ required: true, message: t('partner.usage.licenseRequired') }]}
      fieldProps={{
        showSearch: true,
        filterOption: false,
        allowClear: true,
        onSearch: setSearch,
        onChange: (next: unknown) => {
          setSearch('');
          onPick?.(typeof next === 'string' ? next : undefined);
        },
        options,
        notFoundContent: notFound,
        popupMatchSelectWidth: false,
      }}
    />
  );
}

/** The chosen license's status, limits and latest usage, beside the form. */
function LicenseFacts({ licenseId }: { licenseId: string | undefined }) {
  const query = usePartnerLicense(licenseId);
  const customers = usePartnerCustomerNames(!!licenseId);
  return (
    <ProCard title={t('partner.usage.summary')} bordered headerBordered size="small" aria-live="polite">
      {licenseId ? (
        <SectionState query={query} rows={4}>
          {(license) => (
            <Descriptions column={1} size="small" styles={{ label: { width: 150 } }}>
              <Descriptions.Item label={t('partner.license.id')}>
                <Link to={partnerPaths.license(licenseId)}>{license.id}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('partner.license.customer')}>
                <PartnerCustomerName id={license.customerId} names={customers} />
              </Descriptions.Item>
              <Descriptions.Item label={t('partner.license.status')}>
                {license.status ? <LicenseStatusTag status={license.status} /> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('partner.license.expiry')}>
                <ExpiryText expiryDate={license.expiryDate} daysToExpiry={license.daysToExpiry} />
              </Descriptions.Item>
              <Descriptions.Item label={t('partner.usage.limits')}>
                {t('partner.usage.limitsValue', {
                  workspaces: formatNumber(license.authorizedWorkspaces),
                  users: formatNumber(license.authorizedUsers),
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('partner.usage.latest')}>
                {usageText(license) ?? t('partner.usage.noneYet')}
                {license.usage?.reportedAt && <> · {formatDateTime(license.usage.reportedAt)}</>}
              </Descriptions.Item>
            </Descriptions>
          )}
        </SectionState>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partner.usage.pickFirst')} />
      )}
    </ProCard>
  );
}

/**
 * Reports the workspaces and users one of the reseller's licenses uses, through the partner API.
 * Problems the server finds appear beside their fields; an Idempotency-Key kept until a success
 * means submitting again after a timeout cannot record the report twice.
 */
export function PartnerUsageForm({ licenseId, onLicensePick }: Props) {
  const [form] = Form.useForm<PartnerUsageValues>();
  const queryClient = useQueryClient();
  const errors = useFormErrors(form);
  const idempotency = useIdempotencyKey();
  const [reported, setReported] = useState<{ id: string; report: PartnerUsageReport }>();
  useLicenseFromUrl(form, licenseId);
  const chosen: string | undefined = Form.useWatch('licenseId', form) ?? licenseId;
  const workspaces: number | undefined = Form.useWatch('workspaces', form);
  const users: number | undefined = Form.useWatch('users', form);
  const license = usePartnerLicense(chosen).data;

  const mutation = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UsageReportRequest }) =>
      reportPartnerUsage(id, body, idempotency.key),
  });

  const submit = async (values: PartnerUsageValues) => {
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
      idempotency.renew();
      void queryClient.invalidateQueries({ queryKey: partnerKeys.licenses });
      void queryClient.invalidateQueries({ queryKey: partnerKeys.alerts });
      setReported({ id, report });
      form.resetFields(['workspaces', 'users', 'reportedAt']);
    } catch (error) {
      errors.report(error);
    }
  };

  const reload = () => {
    if (chosen) void queryClient.invalidateQueries({ queryKey: partnerKeys.license(chosen) });
    errors.clear();
  };

  const above = (value: number | undefined, limit: number | undefined) =>
    value != null && limit != null && value > limit
      ? t('partner.usage.aboveLimit', { limit: formatNumber(limit) })
      : undefined;

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={14}>
        <ProForm<PartnerUsageValues>
          name="partner-report-usage"
          form={form}
          layout="vertical"
          dateFormatter={false}
          initialValues={{ licenseId }}
          onFinish={submit}
          onValuesChange={(changed: Partial<PartnerUsageValues>) => {
            // A new license is another report: a new key.
            if ('licenseId' in changed) idempotency.renew();
          }}
          submitter={submitButton(t('partner.usage.submit'), mutation.isPending)}
        >
          <PartnerLicensePicker onPick={onLicensePick} />
          <ProForm.Group>
            <ProFormDigit
              name="workspaces"
              label={t('partner.usage.workspaces')}
              width="sm"
              min={0}
              fieldProps={{ precision: 0 }}
              extra={above(workspaces, license?.authorizedWorkspaces)}
              rules={[{ required: true, message: t('partner.usage.required') }]}
            />
            <ProFormDigit
              name="users"
              label={t('partner.usage.users')}
              width="sm"
              min={0}
              fieldProps={{ precision: 0 }}
              extra={above(users, license?.authorizedUsers)}
              rules={[{ required: true, message: t('partner.usage.required') }]}
            />
          </ProForm.Group>
          <ProFormDateTimePicker
            name="reportedAt"
            label={t('partner.usage.reportedAt')}
            width="md"
            extra={t('partner.usage.reportedAtHelp')}
            fieldProps={{ disabledDate: (day: Dayjs) => day.isAfter(dayjs().endOf('day')) }}
            rules={[
              {
                validator: (_rule, value: Dayjs | null | undefined) =>
                  value && value.isAfter(dayjs().add(5, 'minute'))
                    ? Promise.reject(new Error(t('partner.usage.reportedAtFuture')))
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
              message={t('partner.usage.success', {
                id: reported.id,
                workspaces: formatNumber(reported.report.workspaces),
                users: formatNumber(reported.report.users),
                at: formatDateTime(reported.report.reportedAt),
              })}
              description={
                <>
                  {reported.report.overused && <div>{t('partner.usage.overused')}</div>}
                  {reported.report.latest === false && <div>{t('partner.usage.notLatest')}</div>}
                  <Link to={partnerPaths.license(reported.id)}>
                    {t('partner.usage.open', { id: reported.id })}
                  </Link>
                </>
              }
            />
          )}
        </ProForm>
      </Col>
      <Col xs={24} lg={10}>
        <LicenseFacts licenseId={chosen} />
      </Col>
    </Row>
  );
}
