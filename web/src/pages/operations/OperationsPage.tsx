import { useCallback, type ReactNode } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Result, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from 'react-oidc-context';
import { can, type Role } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { t, type MessageKey } from '../../i18n';
import { CreateLicenseForm } from './CreateLicenseForm';
import { DeploymentForm } from './DeploymentForm';
import { PurchaseForm } from './PurchaseForm';
import { StatusForm } from './StatusForm';
import { UsageForm } from './UsageForm';
import type { OperationProps } from './shared';

export const ACTIONS = ['create', 'purchase', 'deployment', 'status', 'usage'] as const;
export type Action = (typeof ACTIONS)[number];

/** Which operations a user's roles allow (the API still decides). */
export const allowedActions: Record<Action, (roles: Role[]) => boolean> = {
  create: can.createLicense,
  purchase: can.recordPurchase,
  deployment: can.scheduleDeployment,
  status: (roles) => can.suspendOrReinstate(roles) || can.terminate(roles),
  usage: can.reportUsage,
};

function isAction(value: string | null): value is Action {
  return !!value && (ACTIONS as readonly string[]).includes(value);
}

/**
 * The operations center: one tab per operation the user's roles allow. The URL keeps the tab
 * (`?action=create|purchase|deployment|status|usage`) and the license every form starts with
 * (`?license=ENT-202612-000001`), so an operation can be linked to from anywhere.
 */
export default function OperationsPage() {
  const { roles } = useSession();
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const requested = params.get('action');
  const licenseId = params.get('license')?.trim() || undefined;

  const allowed = ACTIONS.filter((action) => allowedActions[action](roles));
  const active: Action | undefined =
    isAction(requested) && allowed.includes(requested) ? requested : allowed[0];
  const refused = isAction(requested) && !allowed.includes(requested);

  const selectTab = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('action', key);
    setParams(next);
  };

  const onLicensePick = useCallback(
    (id: string | undefined) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id) next.set('license', id);
          else next.delete('license');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  if (!allowed.length) {
    return (
      <PageContainer title={t('nav.operations')}>
        <Result status="403" title={t('state.forbidden')} subTitle={t('state.forbiddenDetail')} />
      </PageContainer>
    );
  }

  const common: OperationProps = { roles, licenseId, onLicensePick };
  const panes: Record<Action, ReactNode> = {
    create: <CreateLicenseForm />,
    purchase: <PurchaseForm {...common} />,
    deployment: <DeploymentForm {...common} email={auth.user?.profile.email} />,
    status: <StatusForm {...common} />,
    usage: <UsageForm {...common} />,
  };

  return (
    <PageContainer title={t('nav.operations')} content={t('ops.page.subtitle')}>
      {refused && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('state.forbidden')}
          description={t('ops.page.refused', { action: t(`ops.tab.${requested}` as MessageKey) })}
        />
      )}
      <Tabs
        activeKey={active}
        onChange={selectTab}
        items={allowed.map((action) => ({
          key: action,
          label: t(`ops.tab.${action}` as MessageKey),
          children: panes[action],
        }))}
      />
    </PageContainer>
  );
}
