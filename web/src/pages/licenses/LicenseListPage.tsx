import { PageContainer } from '@ant-design/pro-components';

export default function LicenseListPage() {
  return <PageContainer />;
}
