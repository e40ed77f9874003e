import { lazy } from 'react';
import { IconChecklist } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from './i18n/sv/actionPlans.json';
import en from './i18n/en/actionPlans.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    actionPlans: typeof sv;
  }
}

const PlansPage = lazy(() => import('./PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./PlanPage').then((m) => ({ default: m.PlanPage })));

/** Action plans (handlingsplaner): the list with the coordinator's overview, and one plan with its self-assessment. */
export default defineWebModule({
  name: 'action-plans',
  routes: [
    { path: 'plans', page: PlansPage, permission: 'plan.read' },
    { path: 'plans/:id', page: PlanPage, permission: 'plan.read' },
  ],
  nav: [
    {
      order: 12,
      to: '/plans',
      label: (t) => t('actionPlans:nav' as never),
      icon: IconChecklist,
      permission: 'plan.read',
      testId: 'nav-plans',
    },
  ],
  translations: { actionPlans: { sv, en } },
});
