import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import {
  AlertOutlined,
  AuditOutlined,
  ClusterOutlined,
  IdcardOutlined,
  RocketOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  ToolOutlined,
  LogoutOutlined,
} from '@ant-design/icons';
import { Dropdown, Tag } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { can, frameFor } from '../auth/roles';
import { useSession } from '../auth/useSession';
import { menuFor } from './menu';
import { t } from '../i18n';
import { PageSkeleton } from '../components/PageSkeleton';
import { frameRedirect, PARTNER_HOME } from './frame';
import { GlobalSearch } from './GlobalSearch';
import { OpenAlertsBadge } from './OpenAlertsBadge';

// Decorative: the entry's text names it (an icon's own label would be read before it).
const icons: Record<string, React.ReactNode> = {
  dashboard: <DashboardOutlined aria-hidden />,
  licenses: <SafetyCertificateOutlined aria-hidden />,
  operations: <ToolOutlined aria-hidden />,
  alerts: <AlertOutlined aria-hidden />,
  audit: <AuditOutlined aria-hidden />,
  customers: <TeamOutlined aria-hidden />,
  purchases: <ShoppingCartOutlined aria-hidden />,
  deployments: <RocketOutlined aria-hidden />,
  engineers: <ClusterOutlined aria-hidden />,
  'sales-reps': <IdcardOutlined aria-hidden />,
  resellers: <ShopOutlined aria-hidden />,
  'partner-customers': <TeamOutlined aria-hidden />,
  'partner-licenses': <SafetyCertificateOutlined aria-hidden />,
  'partner-alerts': <AlertOutlined aria-hidden />,
  'partner-usage': <CloudUploadOutlined aria-hidden />,
};

/**
 * The frame of every signed-in page: the menu the user's roles allow, their name and role, sign-out.
 * Staff get the global search and the open alerts badge in the header. A partner gets the partner
 * portal's frame: its menu only, and any other path is sent to the portal before a page mounts, so
 * no staff request is ever sent for them.
 */
export function AppLayout() {
  const location = useLocation();
  const session = useSession();
  const frame = frameFor(session.roles);
  const redirect = frameRedirect(frame, location.pathname);
  const routes: MenuDataItem[] = menuFor(session.roles).map((item) => ({
    path: item.path,
    name: t(item.label),
    icon: icons[item.key],
  }));
  const home = frame === 'partner' ? PARTNER_HOME : '/';
  // The header's search and alert count use staff APIs: not for a partner (nor a token without roles).
  const staffHeader = frame === 'staff' && can.isStaff(session.roles);

  return (
    <ProLayout
      title={t('app.title')}
      logo="/favicon.svg"
      layout="mix"
      fixSiderbar
      route={{ path: '/', routes }}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      headerTitleRender={(logo, title) => (
        <Link to={home} aria-label={frame === 'partner' ? t('portal.home') : t('nav.dashboard')}>
          {logo}
          {title}
        </Link>
      )}
      headerContentRender={
        staffHeader
          ? () => (
              <div style={{ display: 'flex', alignItems: 'center', height: '100%', paddingInline: 24 }}>
                <GlobalSearch />
              </div>
            )
          : undefined
      }
      actionsRender={staffHeader ? () => [<OpenAlertsBadge key="open-alerts" />] : undefined}
      avatarProps={{
        title: (
          <span data-testid="current-user">
            {session.name}
            {session.role && (
              <Tag color="blue" style={{ marginInlineStart: 8 }} data-testid="current-role">
                {t(`role.${session.role}`)}
              </Tag>
            )}
          </span>
        ),
        size: 'small',
        render: (_props, dom) => (
          // opened by a click (or Enter), not on hover: keyboard and touch users have no hover
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: t('auth.signOut'),
                  onClick: session.signOut,
                },
              ],
            }}
          >
            <button
              type="button"
              className="delms-user-button"
              aria-label={t('auth.accountMenu', { name: session.name })}
            >
              {dom}
            </button>
          </Dropdown>
        ),
      }}
    >
      <Suspense fallback={<PageSkeleton />}>
        {redirect ? <Navigate to={redirect} replace /> : <Outlet />}
      </Suspense>
    </ProLayout>
  );
}
