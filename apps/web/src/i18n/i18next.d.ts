import 'i18next';
import type { resources } from './resources';

// Typed keys: a `t('units:tree.title')` that does not exist in the Swedish files fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['sv'];
  }
}
