import type { ComponentType, LazyExoticComponent } from 'react';
import type { TFunction } from 'i18next';
import type { Icon } from '@tabler/icons-react';
import type { Permission } from '@tillit/core';

/** A page of a module at an address; the router wraps it in the permission guard. */
export interface WebRoute {
  /** Relative to the app root (`units`, `users/:id`); leave out for the start page (index route). */
  path?: string;
  page: LazyExoticComponent<ComponentType> | ComponentType;
  /** Needed somewhere in the organisation to open the page (the server still checks every request). */
  permission?: Permission;
  platformAdmin?: boolean;
}

/** A page outside the signed-in shell (sign-in, invitation links). */
export interface PublicWebRoute {
  path: string;
  page: LazyExoticComponent<ComponentType> | ComponentType;
  /** Only for people not signed in (a signed-in person is sent on). */
  publicOnly?: boolean;
}

/** An entry of the main menu: a link, or a section component with its own sub-entries. */
export type NavEntry = {
  /** Place in the menu, lowest first (start page 0, information assets 10, units 20, …). */
  order: number;
} & (
  | {
      to: string;
      /** The label, through `t` so the key is type-checked and found by the translation check. */
      label: (t: TFunction) => string;
      icon: Icon;
      permission?: Permission;
      platformAdmin?: boolean;
      testId: string;
    }
  | { section: ComponentType<{ onNavigate: () => void }>; key: string }
);

/** A translation namespace in both languages (the files live in `i18n/sv` and `i18n/en`). */
export interface Translations {
  sv: Record<string, unknown>;
  en: Record<string, unknown>;
}

/**
 * One feature's registration in the web app: its pages, its menu entries and its translation
 * namespaces. `app/modules.ts` finds every `features/<feature>/module.tsx`; router, menu and i18n
 * read them, so adding a feature edits none of those files.
 */
export interface WebModule {
  name: string;
  routes?: readonly WebRoute[];
  publicRoutes?: readonly PublicWebRoute[];
  nav?: readonly NavEntry[];
  translations?: Record<string, Translations>;
}

export function defineWebModule(module: WebModule): WebModule {
  return module;
}
