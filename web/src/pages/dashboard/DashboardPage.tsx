import { PageContainer } from '@ant-design/pro-components';

export default function DashboardPage() {
  return <PageContainer />;
}
