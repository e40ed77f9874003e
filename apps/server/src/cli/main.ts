import { Command } from 'commander';
import pino from 'pino';
import { loadConfig, ConfigError } from '../config.js';
import { StartupError } from '../db/embedded.js';
import { DatabaseUnreachableError } from '../db/database.js';
import { openDatabase, startServer } from '../server.js';
import { seedDemo, printDemoLogins } from '../seed/demo.js';
import { generate, generatedProfiles, type GeneratedProfile } from '../seed/generator/index.js';
import { printGenerateReport } from '../seed/generator/report.js';
import { createPlatformAdmin } from './create-admin.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { verifyAllChains } from './audit-verify.js';
import { readReceipts } from './receipts-file.js';
import { userOf } from '../db/roles.js';
import { ReceiptFileError } from '../platform/audit/receipts.js';
import { loggerOptions } from '../platform/logger.js';
import { repairUnitPaths } from '../modules/units/units.service.js';

const program = new Command('tillit').description('Tillit – ledningssystem för informationssäkerhet');

function config() {
  return loadConfig();
}
const log = () => pino(loggerOptions(config().logLevel));

program
  .command('start')
  .description('Starta Tillit (webb och API); startar den inbyggda databasen om DATABASE_URL saknas')
  .action(async () => {
    const cfg = config();
    const started = Date.now();
    const server = await startServer(cfg, {
      onReady: async (db) => {
        if (cfg.demo) await seedDemo(db, { log: log() });
      },
    });
    const shutdown = async (signal: string) => {
      server.app.log.info({ signal }, 'shutting down');
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    if (cfg.demo) await printDemoLogins(server.database.db);
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : cfg.port;
    console.log(
      `\nTillit körs på ${cfg.publicUrl.replace(/:\d+$/, `:${port}`)} (startade på ${((Date.now() - started) / 1000).toFixed(1)} s). Avsluta med Ctrl-C.\n`,
    );
  });

program
  .command('migrate')
  .description('Kör databasmigreringar och avsluta')
  .action(async () => {
    const database = await openDatabase(config(), log(), { attach: true });
    await database.close();
    console.log('Databasen är migrerad.');
  });

program
  .command('seed')
  .description(
    'Skapa en organisation om den saknas: exempel (demo), stor (Region Stor, för prestandamätning) eller nationell (21 regioner, 290 kommuner)',
  )
  .option('--profile <profile>', 'exempel | stor | nationell', 'exempel')
  .option('--seed <n>', 'slumpfrö för stor och nationell: samma frö ger samma data', '1')
  .option('--until <date>', 'historikens slut (ÅÅÅÅ-MM-DD); standard i dag')
  .option('--scale <n>', 'för stor och nationell: N gånger profilens storlek i varje organisation (t.ex. 5)', '1')
  .action(async (opts: { profile: string; seed: string; until?: string; scale: string }) => {
    if (opts.profile !== 'exempel' && !generatedProfiles.includes(opts.profile as GeneratedProfile))
      throw new StartupError(`Okänd profil: ${opts.profile}`);
    const seed = Number(opts.seed);
    if (!Number.isInteger(seed)) throw new StartupError(`--seed ska vara ett heltal: ${opts.seed}`);
    const until = opts.until ? new Date(`${opts.until}T00:00:00Z`) : undefined;
    if (until && Number.isNaN(until.getTime())) throw new StartupError(`--until ska vara ett datum (ÅÅÅÅ-MM-DD): ${opts.until}`);
    const scale = Number(opts.scale);
    if (!(scale > 0) || scale > 100) throw new StartupError(`--scale ska vara ett tal större än 0 och högst 100: ${opts.scale}`);
    const database = await openDatabase(config(), log(), { attach: true });
    try {
      if (opts.profile === 'exempel') {
        await seedDemo(database.db, { log: log() });
        await printDemoLogins(database.db);
      } else {
        const report = await generate(database.db, database.url, {
          profile: opts.profile as GeneratedProfile,
          seed,
          until,
          scale,
          log: log(),
        });
        printGenerateReport(report);
      }
    } finally {
      await database.close();
    }
  });

program
  .command('create-admin')
  .description('Skapa en plattformsadministratör (och organisationen om den saknas)')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--org-number <orgnr>', 'organisationsnummer, t.ex. 232100-0000')
  .option('--org-name <name>', 'organisationens namn om den ska skapas')
  .option('--password <password>', 'annars läses TILLIT_ADMIN_PASSWORD')
  .action(async (opts: { email: string; name: string; orgNumber: string; orgName?: string; password?: string }) => {
    const database = await openDatabase(config(), log(), { attach: true });
    try {
      const password = opts.password ?? process.env.TILLIT_ADMIN_PASSWORD;
      if (!password) throw new StartupError('Ange --password eller TILLIT_ADMIN_PASSWORD.');
      await createPlatformAdmin(database.db, { ...opts, password });
      console.log(`Administratören ${opts.email} är skapad.`);
    } finally {
      await database.close();
    }
  });

const units = program.command('units').description('Organisationernas enhetsträd');
units
  .command('repair')
  .description('Räkna om varje enhets plats i trädet från dess överordnade enhet (för träd från före kontrollen av sökvägar)')
  .action(async () => {
    const database = await openDatabase(config(), log());
    try {
      for (const r of await repairUnitPaths(database.db)) {
        console.log(`${r.organizationId}: ${r.repaired} enheter lagade`);
        for (const u of r.unreachable) console.log(`  når inte roten (cykel eller saknad överordnad): ${u.name} (${u.id})`);
        if (r.unreachable.length) process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
  });

const audit = program.command('audit').description('Granskningsloggen');
audit
  .command('verify')
  .description('Kontrollera hashkedjan för varje organisation, hela kedjan (eller med --incremental från senaste kontrollpunkten)')
  .option('--incremental', 'kontrollera bara händelserna efter varje organisations kontrollpunkt')
  .option(
    '--against <receipts>',
    'kvitton sparade utanför databasen (kvittofilen eller nedladdade kvitton): kedjan ska passera vart och ett',
  )
  .action(async (opts: { incremental?: boolean; against?: string }) => {
    const against = opts.against ? await readReceipts(opts.against) : undefined;
    const database = await openDatabase(config(), log(), { attach: true });
    try {
      if (await verifyAllChains(database.db, { incremental: Boolean(opts.incremental) && !against, against })) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

program
  .command('backup')
  .description('Ta en konsistent säkerhetskopia av databasen till en fil (.tillit-backup)')
  .argument('<file>')
  .action(async (file: string) => {
    const database = await openDatabase(config(), log(), { attach: true });
    try {
      const r = await backupDatabase(database.url, file);
      console.log(`Säkerhetskopia skriven till ${file}: ${r.tables} tabeller, ${r.rows} rader.`);
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .description('Återställ en säkerhetskopia till en tom databas (eller ersätt allt med --force)')
  .argument('<file>')
  .option('--force', 'ersätt befintliga data')
  .action(async (file: string, opts: { force?: boolean }) => {
    const database = await openDatabase(config(), log(), { attach: true });
    try {
      const r = await restoreDatabase(database.ownerUrl ?? database.url, file, {
        force: Boolean(opts.force),
        runtimeRole: database.ownerUrl ? userOf(database.url) : null,
      });
      console.log(`Återställt från ${file}: ${r.tables} tabeller, ${r.rows} rader.`);
    } finally {
      await database.close();
    }
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof StartupError || e instanceof DatabaseUnreachableError || e instanceof ReceiptFileError) {
    console.error(`\n${e.message}\n`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
