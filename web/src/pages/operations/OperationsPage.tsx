import { PageContainer } from '@ant-design/pro-components';

export default function OperationsPage() {
  return <PageContainer />;
}
