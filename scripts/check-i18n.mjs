// Fails when a translation key exists in one language but not the other (web namespaces and
// core's server texts), when the web app uses a literal key that Swedish lacks, or when a JSON file
// of texts, permissions or data declares one key twice (JSON.parse would keep the last silently).
import { checkAll } from './i18n-keys.mjs';

const problems = checkAll();
if (problems.length) {
  console.error(`Översättningarna stämmer inte (${problems.length}) / translations are out of step:\n`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('Översättningarna är kompletta på svenska och engelska. / Translations complete in sv and en.');
