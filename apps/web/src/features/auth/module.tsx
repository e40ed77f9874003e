import { lazy } from 'react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/auth.json';
import en from '../../i18n/en/auth.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    auth: typeof sv;
  }
}

const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));
const LinkPage = lazy(() => import('./LinkPage').then((m) => ({ default: m.LinkPage })));
const ChangePasswordPage = lazy(() => import('./ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));

/** Sign-in, invitation and reset links, and the own password. */
export default defineWebModule({
  name: 'auth',
  publicRoutes: [
    { path: '/login', page: LoginPage, publicOnly: true },
    { path: '/link/:token', page: LinkPage },
  ],
  routes: [{ path: 'account/password', page: ChangePasswordPage }],
  translations: { auth: { sv, en } },
});
