import { lazy } from 'react';
import { IconListDetails } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/audit.json';
import en from '../../i18n/en/audit.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    audit: typeof sv;
  }
}

const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));

/** The audit log and its chain check. */
export default defineWebModule({
  name: 'audit',
  routes: [{ path: 'audit', page: AuditPage, permission: 'audit.read' }],
  nav: [{ order: 40, to: '/audit', label: (t) => t('nav.audit'), icon: IconListDetails, permission: 'audit.read', testId: 'nav-audit' }],
  translations: { audit: { sv, en } },
});
