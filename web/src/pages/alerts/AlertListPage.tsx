import { PageContainer } from '@ant-design/pro-components';

export default function AlertListPage() {
  return <PageContainer />;
}
