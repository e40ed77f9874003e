import type { GenerateReport } from './index.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What `tillit seed --profile stor|nationell` prints: what was made, how long each step took, how to sign in. */
export function printGenerateReport(r: GenerateReport): void {
  const lines = [`\nProfil ${r.profile}${r.scale === 1 ? '' : ` × ${r.scale}`} (frö ${r.seed}, historik till ${r.until.slice(0, 10)}):`];
  if (r.created.length)
    lines.push(
      `  skapade ${r.created.length} organisation(er)${r.created.length <= 3 ? `: ${r.created.join(', ')}` : ''}, ${r.auditEvents.toLocaleString('sv-SE')} granskningshändelser`,
    );
  if (r.skipped.length)
    lines.push(`  fanns redan, hoppades över: ${r.skipped.length <= 3 ? r.skipped.join(', ') : `${r.skipped.length} organisationer`}`);
  if (r.created.length) {
    lines.push(
      `  tid ${seconds(r.totalMs)}: ${Object.entries(r.timings)
        .map(([k, v]) => `${k} ${seconds(v)}`)
        .join(', ')}`,
    );
    lines.push(`\nInloggningar (lösenord för alla genererade användare: ${r.password}):`);
    for (const l of r.logins) lines.push(`  ${l.email.padEnd(40)} ${l.role.padEnd(24)} ${l.organization}`);
  }
  console.log(lines.join('\n') + '\n');
}
