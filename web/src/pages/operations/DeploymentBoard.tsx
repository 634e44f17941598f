import { useState } from 'react';
import { ModalForm, ProCard, ProFormTextArea, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Empty, Form, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { deploymentApi } from '../../api/clients';
import { SectionState } from '../../components/SectionState';
import { formatDate, formatDateTime, t, type MessageKey } from '../../i18n';
import { invalidateLicenseData, optionalText, queryRoots, useFormErrors } from '../../lib/forms';
import { FormAlert } from './FormAlert';
import {
  useLicenseDeployments,
  useOpenDeployments,
  useOwnEngineer,
  opsKeys,
  type DeploymentDto,
  type DeploymentStatus,
} from './queries';

const statusColor: Record<DeploymentStatus, string> = {
  SCHEDULED: 'blue',
  IN_PROGRESS: 'processing',
  COMPLETED: 'green',
  FAILED: 'red',
  CANCELLED: 'default',
};

export function DeploymentStatusTag({ status }: { status: DeploymentStatus | undefined }) {
  if (!status) return null;
  return (
    <Tag color={statusColor[status]} data-testid="deployment-status">
      {t(`ops.deploymentStatus.${status}` as MessageKey)}
    </Tag>
  );
}

/** The moves of the deployment lifecycle (SCHEDULED → IN_PROGRESS | CANCELLED, IN_PROGRESS → COMPLETED | FAILED). */
export const DEPLOYMENT_MOVES: Record<DeploymentStatus, DeploymentStatus[]> = {
  SCHEDULED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'FAILED'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};

interface Props {
  licenseId: string | undefined;
  canRun: boolean;
  email: string | undefined;
}

/**
 * The deployments of the chosen license, or (none chosen) the open ones of the signed-in engineer
 * (all open ones when the user is not an engineer of the directory), with their transitions.
 */
export function DeploymentBoard({ licenseId, canRun, email }: Props) {
  const own = useOwnEngineer(canRun && !licenseId ? email : undefined);
  const ownResolved = !email || !own.isPending;
  const ofLicense = useLicenseDeployments(licenseId);
  const open = useOpenDeployments(own.data?.id ?? undefined, !licenseId && ownResolved);
  const [moving, setMoving] = useState<{ id: string; to: DeploymentStatus }>();

  const query = licenseId ? ofLicense : open;
  const title = licenseId
    ? t('ops.board.ofLicense', { id: licenseId })
    : own.data
      ? t('ops.board.mine')
      : t('ops.board.open');

  const columns: ProColumns<DeploymentDto>[] = [
    ...(licenseId
      ? []
      : [
          {
            title: t('ops.field.license'),
            dataIndex: 'licenseId',
            render: (_: unknown, d: DeploymentDto) => (
              <Link to={`/licenses/${d.licenseId}`}>{d.licenseId}</Link>
            ),
          },
        ]),
    {
      title: t('ops.board.status'),
      dataIndex: 'status',
      render: (_, d) => <DeploymentStatusTag status={d.status} />,
    },
    {
      title: t('ops.field.scheduledDate'),
      dataIndex: 'scheduledDate',
      render: (_, d) => formatDate(d.scheduledDate),
    },
    {
      title: t('ops.field.engineer'),
      dataIndex: 'engineerName',
      render: (_, d) =>
        d.engineerName ?? <Typography.Text type="secondary">{t('state.unknownName')}</Typography.Text>,
    },
    {
      title: t('ops.board.environment'),
      dataIndex: 'environment',
      render: (_, d) => (
        <>
          {d.environment ? t(`ops.environment.${d.environment}` as MessageKey) : '—'} · {d.productVersion}
        </>
      ),
    },
    {
      title: t('ops.board.lastChange'),
      dataIndex: 'updatedAt',
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <span>
            {formatDateTime(d.completedAt ?? d.failedAt ?? d.cancelledAt ?? d.startedAt ?? d.createdAt)}
          </span>
          {d.failureReason && <Typography.Text type="danger">{d.failureReason}</Typography.Text>}
        </Space>
      ),
    },
    ...(canRun
      ? [
          {
            title: t('ops.board.actions'),
            key: 'actions',
            render: (_: unknown, d: DeploymentDto) => {
              const moves = d.status ? DEPLOYMENT_MOVES[d.status] : [];
              if (!moves.length) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Space wrap>
                  {moves.map((to) => (
                    <Button
                      key={to}
                      size="small"
                      type={to === 'IN_PROGRESS' || to === 'COMPLETED' ? 'primary' : 'default'}
                      danger={to === 'FAILED'}
                      onClick={() => setMoving({ id: d.id!, to })}
                    >
                      {t(`ops.deploy.move.${to}` as MessageKey)}
                    </Button>
                  ))}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <ProCard title={title} bordered headerBordered size="small">
      <SectionState
        query={query}
        isEmpty={(rows) => rows.length === 0}
        empty={
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={licenseId ? t('ops.board.noneForLicense') : t('ops.board.noneOpen')}
          />
        }
      >
        {(rows) => (
          <ProTable<DeploymentDto>
            rowKey="id"
            size="small"
            search={false}
            options={false}
            toolBarRender={false}
            pagination={false}
            dataSource={rows}
            columns={columns}
            cardProps={false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </SectionState>
      {moving && (
        <TransitionDialog
          deployment={(query.data ?? []).find((d) => d.id === moving.id)}
          to={moving.to}
          onClose={() => setMoving(undefined)}
        />
      )}
    </ProCard>
  );
}

interface TransitionValues {
  reason?: string;
  note?: string;
}

/**
 * Confirms a move of a deployment, with a note (a reason, required, for a failure). Sent with the
 * deployment's version as If-Match; a 412 offers to reload it keeping the note.
 */
function TransitionDialog({
  deployment,
  to,
  onClose,
}: {
  deployment: DeploymentDto | undefined;
  to: DeploymentStatus;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TransitionValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useFormErrors(form);
  const failing = to === 'FAILED';

  const mutation = useMutation({
    mutationFn: async ({
      id,
      version,
      values,
    }: {
      id: string;
      version: number | undefined;
      values: TransitionValues;
    }) =>
      (
        await deploymentApi.POST('/api/v1/deployments/{id}/transitions', {
          params: {
            path: { id },
            header: version === undefined ? undefined : { 'If-Match': `"${version}"` },
          },
          body: {
            to,
            reason: failing ? optionalText(values.reason) : undefined,
            note: optionalText(values.note),
          },
        })
      ).data!,
  });

  const submit = async (values: TransitionValues): Promise<boolean> => {
    if (!deployment?.id) return false;
    errors.clear();
    try {
      const moved = await mutation.mutateAsync({ id: deployment.id, version: deployment.version, values });
      if (moved.licenseId) {
        queryClient.setQueryData<DeploymentDto[]>(opsKeys.deploymentsOf(moved.licenseId), (rows) =>
          rows?.map((row) => (row.id === moved.id ? moved : row)),
        );
      }
      // a completed deployment makes the license DEPLOYED through an event: refetch while it lands
      invalidateLicenseData(queryClient, { deployments: true, eventual: to === 'COMPLETED' });
      void message.success(t(`ops.deploy.moved.${to}` as MessageKey, { id: moved.licenseId ?? '' }));
      return true;
    } catch (error) {
      errors.report(error);
      return false;
    }
  };

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: queryRoots.deployments });
    errors.clear();
  };

  return (
    <ModalForm<TransitionValues>
      open
      form={form}
      name="deployment-transition"
      title={t(`ops.deploy.confirm.${to}` as MessageKey, { id: deployment?.licenseId ?? '' })}
      width={520}
      onOpenChange={(open) => !open && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: !mutation.isPending }}
      submitter={{
        searchConfig: { submitText: t('action.confirm'), resetText: t('action.cancel') },
        submitButtonProps: {
          danger: failing || to === 'CANCELLED',
          disabled: mutation.isPending || !deployment,
        },
      }}
      onFinish={submit}
    >
      <Typography.Paragraph>
        {t(`ops.deploy.confirmDetail.${to}` as MessageKey, {
          date: formatDate(deployment?.scheduledDate),
          engineer: deployment?.engineerName ?? t('state.unknownName'),
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
