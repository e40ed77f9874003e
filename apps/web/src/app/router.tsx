import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { PublicLayout } from './PublicLayout';
import { PublicOnly, RequirePermission, RequireSession } from './guards';
import { NotFoundPage, RouteError } from './StatusPages';
import { webModules } from './modules';

// Pages come from the features' manifests (features/<feature>/module.tsx); each page is its own
// chunk there, so the sign-in page loads without the admin screens.
const publicRoutes: RouteObject[] = webModules.flatMap((m) =>
  (m.publicRoutes ?? []).map(({ path, page: Page, publicOnly }) => ({
    path,
    element: publicOnly ? (
      <PublicOnly>
        <Page />
      </PublicOnly>
    ) : (
      <Page />
    ),
  })),
);

const shellRoutes: RouteObject[] = webModules.flatMap((m) =>
  (m.routes ?? []).map(({ path, page: Page, permission, platformAdmin }) => {
    const element =
      permission || platformAdmin ? (
        <RequirePermission permission={permission} platformAdmin={platformAdmin}>
          <Page />
        </RequirePermission>
      ) : (
        <Page />
      );
    return path === undefined ? { index: true, element } : { path, element };
  }),
);

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: publicRoutes,
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
        children: [...shellRoutes, { path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
]);
