import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { PublicLayout } from './PublicLayout';
import { PublicOnly, RequirePermission, RequireSession } from './guards';
import { NotFoundPage, RouteError } from './StatusPages';

// Each page is its own chunk: the sign-in page loads without the admin screens.
const LoginPage = lazy(() => import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const LinkPage = lazy(() => import('../features/auth/LinkPage').then((m) => ({ default: m.LinkPage })));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const UnitsPage = lazy(() => import('../features/units/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserDetailPage = lazy(() => import('../features/users/UserDetailPage').then((m) => ({ default: m.UserDetailPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const TokensPage = lazy(() => import('../features/tokens/TokensPage').then((m) => ({ default: m.TokensPage })));
const OrganizationsPage = lazy(() => import('../features/organizations/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));
const AssetsPage = lazy(() => import('../features/assets/AssetsPage').then((m) => ({ default: m.AssetsPage })));
const AssetDetailPage = lazy(() => import('../features/assets/AssetDetailPage').then((m) => ({ default: m.AssetDetailPage })));
const CoveragePage = lazy(() => import('../features/assets/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const AssetImportPage = lazy(() => import('../features/asset-import/AssetImportPage').then((m) => ({ default: m.AssetImportPage })));
const ClassificationListPage = lazy(() => import('../features/classification/ClassificationListPage').then((m) => ({ default: m.ClassificationListPage })));
const ClassificationPage = lazy(() => import('../features/classification/ClassificationPage').then((m) => ({ default: m.ClassificationPage })));
const ModelPage = lazy(() => import('../features/classification/settings/ModelPage').then((m) => ({ default: m.ModelPage })));
const InformationTypesPage = lazy(() => import('../features/information-types/InformationTypesPage').then((m) => ({ default: m.InformationTypesPage })));

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: (
          <PublicOnly>
            <LoginPage />
          </PublicOnly>
        ),
      },
      { path: '/link/:token', element: <LinkPage /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      {
        // Errors inside a page keep the header and menu, so the person can go elsewhere.
        errorElement: <RouteError inShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          {
            path: 'units',
            element: (
              <RequirePermission permission="unit.read">
                <UnitsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            element: (
              <RequirePermission permission="user.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users/:id',
            element: (
              <RequirePermission permission="user.read">
                <UserDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: 'api-tokens',
            element: (
              <RequirePermission permission="token.manage">
                <TokensPage />
              </RequirePermission>
            ),
          },
          {
            path: 'organizations',
            element: (
              <RequirePermission platformAdmin>
                <OrganizationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'assets',
            element: (
              <RequirePermission permission="asset.read">
                <AssetsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'assets/coverage',
            element: (
              <RequirePermission permission="classification.read">
                <CoveragePage />
              </RequirePermission>
            ),
          },
          {
            path: 'assets/import',
            element: (
              <RequirePermission permission="asset.import">
                <AssetImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'assets/:id',
            element: (
              <RequirePermission permission="asset.read">
                <AssetDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'classifications',
            element: (
              <RequirePermission permission="classification.read">
                <ClassificationListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'classifications/:id',
            element: (
              <RequirePermission permission="classification.read">
                <ClassificationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'information-types',
            element: (
              <RequirePermission permission="classification.read">
                <InformationTypesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/classification-model',
            element: (
              <RequirePermission permission="classification.read">
                <ModelPage />
              </RequirePermission>
            ),
          },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
