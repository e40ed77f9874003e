/**
 * Every page of the web app, read from the feature manifests (`apps/web/src/features/<m>/module.tsx`)
 * the router itself reads, so a new page is checked without anyone adding it here. The manifests are
 * imported at run time through a path the type checker does not follow: they are web code (JSX,
 * Vite globs) checked by the web project's own configuration.
 */
export interface ManifestRoute {
  /** With a leading slash; `/` for the start page. */
  path: string;
  permission?: string;
  platformAdmin?: boolean;
  /** Public pages (sign-in, links) open without a session. */
  public: boolean;
}

interface Manifest {
  routes?: readonly { path?: string; permission?: string; platformAdmin?: boolean }[];
  publicRoutes?: readonly { path: string }[];
}

const manifestsModule = new URL('../../apps/web/src/app/modules.ts', import.meta.url).pathname;

export async function manifestRoutes(): Promise<ManifestRoute[]> {
  const { webModules } = (await import(/* @vite-ignore */ manifestsModule)) as { webModules: readonly Manifest[] };
  return webModules.flatMap((m) => [
    ...(m.routes ?? []).map((r) => ({ path: `/${r.path ?? ''}`, permission: r.permission, platformAdmin: r.platformAdmin, public: false })),
    ...(m.publicRoutes ?? []).map((r) => ({ path: r.path, public: true })),
  ]);
}
