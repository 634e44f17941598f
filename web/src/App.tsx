import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';

// Each screen is its own chunk: the first screen does not load the others' code (or the charts).
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const LicenseListPage = lazy(() => import('./pages/licenses/LicenseListPage'));
const LicenseDetailPage = lazy(() => import('./pages/licenses/LicenseDetailPage'));
const OperationsPage = lazy(() => import('./pages/operations/OperationsPage'));
const AlertListPage = lazy(() => import('./pages/alerts/AlertListPage'));

/** URLs mirror the API's resources: /licenses, /licenses/ENT-202612-000001, /alerts. */
export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="licenses" element={<LicenseListPage />} />
        <Route path="licenses/:id" element={<LicenseDetailPage />} />
        <Route path="operations" element={<OperationsPage />} />
        <Route path="alerts" element={<AlertListPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
