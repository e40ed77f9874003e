import { lazy } from 'react';
import { IconUsers } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/users.json';
import en from '../../i18n/en/users.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    users: typeof sv;
  }
}

const UsersPage = lazy(() => import('./UsersPage').then((m) => ({ default: m.UsersPage })));
const UserDetailPage = lazy(() => import('./UserDetailPage').then((m) => ({ default: m.UserDetailPage })));

/** People of the organisation and their roles. */
export default defineWebModule({
  name: 'users',
  routes: [
    { path: 'users', page: UsersPage, permission: 'user.read' },
    { path: 'users/:id', page: UserDetailPage, permission: 'user.read' },
  ],
  nav: [{ order: 30, to: '/users', label: (t) => t('nav.users'), icon: IconUsers, permission: 'user.read', testId: 'nav-users' }],
  translations: { users: { sv, en } },
});
