import { PageContainer } from '@ant-design/pro-components';

export default function LicenseDetailPage() {
  return <PageContainer />;
}
