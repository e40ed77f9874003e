import type { WebModule } from './module';

/** Every `features/<feature>/module.tsx`, found at build time: the web app's one list of modules. */
const found = import.meta.glob<{ default: WebModule }>('../features/*/module.tsx', { eager: true });

export const webModules: readonly WebModule[] = Object.keys(found)
  .sort()
  .map((file) => found[file]!.default);
