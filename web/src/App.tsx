import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';

// Each screen is its own chunk: the first screen does not load the others' code (or the charts).
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const LicenseListPage = lazy(() => import('./pages/licenses/LicenseListPage'));
const LicenseDetailPage = lazy(() => import('./pages/licenses/LicenseDetailPage'));
const OperationsPage = lazy(() => import('./pages/operations/OperationsPage'));
const AlertListPage = lazy(() => import('./pages/alerts/AlertListPage'));
const CustomerListPage = lazy(() => import('./pages/customers/CustomerListPage'));
const CustomerCreatePage = lazy(() => import('./pages/customers/CustomerCreatePage'));
const CustomerDetailPage = lazy(() => import('./pages/customers/CustomerDetailPage'));
const CustomerEditPage = lazy(() => import('./pages/customers/CustomerEditPage'));
const SalesRepListPage = lazy(() => import('./pages/sales-reps/SalesRepListPage'));
const SalesRepDetailPage = lazy(() => import('./pages/sales-reps/SalesRepDetailPage'));
const ResellerListPage = lazy(() => import('./pages/resellers/ResellerListPage'));
const ResellerDetailPage = lazy(() => import('./pages/resellers/ResellerDetailPage'));
const PurchaseListPage = lazy(() => import('./pages/purchases/PurchaseListPage'));
const PurchaseDetailPage = lazy(() => import('./pages/purchases/PurchaseDetailPage'));
const DeploymentListPage = lazy(() => import('./pages/deployments/DeploymentListPage'));
const DeploymentBoardPage = lazy(() => import('./pages/deployments/DeploymentBoardPage'));
const DeploymentDetailPage = lazy(() => import('./pages/deployments/DeploymentDetailPage'));
const EngineerListPage = lazy(() => import('./pages/engineers/EngineerListPage'));
const EngineerDetailPage = lazy(() => import('./pages/engineers/EngineerDetailPage'));

// --- Portal: alert detail, audit log (staff) and the partner portal --------------------------
const AlertDetailPage = lazy(() => import('./pages/alerts/AlertDetailPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const PartnerLicenseListPage = lazy(() => import('./pages/partner/PartnerLicenseListPage'));
const PartnerLicenseDetailPage = lazy(() => import('./pages/partner/PartnerLicenseDetailPage'));
const PartnerCustomerListPage = lazy(() => import('./pages/partner/PartnerCustomerListPage'));
const PartnerCustomerDetailPage = lazy(() => import('./pages/partner/PartnerCustomerDetailPage'));
const PartnerAlertListPage = lazy(() => import('./pages/partner/PartnerAlertListPage'));
const PartnerUsagePage = lazy(() => import('./pages/partner/PartnerUsagePage'));
// --- end portal --------------------------------------------------------------------------------

/** URLs mirror the API's resources: /licenses, /licenses/ENT-202612-000001, /customers/{id}, … */
export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="licenses" element={<LicenseListPage />} />
        <Route path="licenses/:id" element={<LicenseDetailPage />} />
        <Route path="operations" element={<OperationsPage />} />
        <Route path="alerts" element={<AlertListPage />} />
        <Route path="customers" element={<CustomerListPage />} />
        <Route path="customers/new" element={<CustomerCreatePage />} />
        <Route path="customers/:id" element={<CustomerDetailPage />} />
        <Route path="customers/:id/edit" element={<CustomerEditPage />} />
        <Route path="sales-reps" element={<SalesRepListPage />} />
        <Route path="sales-reps/:id" element={<SalesRepDetailPage />} />
        <Route path="resellers" element={<ResellerListPage />} />
        <Route path="resellers/:id" element={<ResellerDetailPage />} />
        <Route path="purchases" element={<PurchaseListPage />} />
        <Route path="purchases/:id" element={<PurchaseDetailPage />} />
        <Route path="deployments" element={<DeploymentListPage />} />
        <Route path="deployments/board" element={<DeploymentBoardPage />} />
        <Route path="deployments/:id" element={<DeploymentDetailPage />} />
        <Route path="engineers" element={<EngineerListPage />} />
        <Route path="engineers/:id" element={<EngineerDetailPage />} />

        {/* --- Portal: staff alert detail and audit log; the partner portal under /partner (the
            layout sends a partner away from every other path and staff away from /partner). */}
        <Route path="alerts/:id" element={<AlertDetailPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="partner">
          <Route index element={<Navigate to="licenses" replace />} />
          <Route path="licenses" element={<PartnerLicenseListPage />} />
          <Route path="licenses/:id" element={<PartnerLicenseDetailPage />} />
          <Route path="customers" element={<PartnerCustomerListPage />} />
          <Route path="customers/:id" element={<PartnerCustomerDetailPage />} />
          <Route path="alerts" element={<PartnerAlertListPage />} />
          <Route path="usage" element={<PartnerUsagePage />} />
        </Route>
        {/* --- end portal */}

        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
