// `npm run tillit -- <command>`: the CLI from the compiled server (apps/server/dist) when that is
// built from the current sources, otherwise straight from the TypeScript sources through tsx, so
// the CLI always runs the code as it is now. `npm start` and `npm run build` compile it.
import { serverBuildFresh, distMain } from './server-build.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

if (await serverBuildFresh()) {
  await import(pathToFileURL(distMain).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.resolve(import.meta.dirname, '../apps/server/src/cli/main.ts')).href);
}
