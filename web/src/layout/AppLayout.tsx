import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import {
  AlertOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  ToolOutlined,
  LogoutOutlined,
} from '@ant-design/icons';
import { Dropdown, Tag } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/useSession';
import { menuFor } from './menu';
import { t } from '../i18n';
import { PageSkeleton } from '../components/PageSkeleton';

const icons: Record<string, React.ReactNode> = {
  dashboard: <DashboardOutlined />,
  licenses: <SafetyCertificateOutlined />,
  operations: <ToolOutlined />,
  alerts: <AlertOutlined />,
};

/** The frame of every signed-in page: the menu the user's roles allow, their name and role, sign-out. */
export function AppLayout() {
  const location = useLocation();
  const session = useSession();
  const routes: MenuDataItem[] = menuFor(session.roles).map((item) => ({
    path: item.path,
    name: t(item.label),
    icon: icons[item.key],
  }));

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
        <Link to="/" aria-label={t('nav.dashboard')}>
          {logo}
          {title}
        </Link>
      )}
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
          <Dropdown
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
            <button type="button" className="delms-user-button" aria-label={t('auth.signOut')}>
              {dom}
            </button>
          </Dropdown>
        ),
      }}
    >
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
