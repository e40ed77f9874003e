import { lazy } from 'react';
import { IconKey } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/tokens.json';
import en from '../../i18n/en/tokens.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    tokens: typeof sv;
  }
}

const TokensPage = lazy(() => import('./TokensPage').then((m) => ({ default: m.TokensPage })));

/** API tokens. */
export default defineWebModule({
  name: 'tokens',
  routes: [{ path: 'api-tokens', page: TokensPage, permission: 'token.manage' }],
  nav: [{ order: 50, to: '/api-tokens', label: (t) => t('nav.tokens'), icon: IconKey, permission: 'token.manage', testId: 'nav-tokens' }],
  translations: { tokens: { sv, en } },
});
