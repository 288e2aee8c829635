/**
 * `liutong` — the one command line of the platform. Subcommands:
 *   start, migrate, admin create, ledger verify, receipt verify, cert verify, books reconcile, settle, witness [keygen], backup, restore, version
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, ConfigError } from '../platform/config/config.loader.js';
import type { LiutongConfig } from '../platform/config/config.schema.js';
import { lockDataDir, DataDirLockedError } from '../platform/database/data-dir.lock.js';
import { openDatabase } from '../platform/database/database.js';
import { runMigrations } from '../platform/database/migrator.js';
import { VERSION } from '../platform/version.js';
import { createLiutong, MODULE_MIGRATIONS } from '../liutong.app.js';
import {
  generateNoteKey, openNote, parseCheckpointBody, parseWitnessSignerKey, runWitness, verifyReceipt, verifyStoredLedger,
  witnessVerifierKey, type TrustedCheckpoint,
} from '../modules/ledger/index.js';
import { isBundle, verifyBundle } from '../modules/certificates/index.js';
import { reconcileBooks } from '../modules/exchange/index.js';
import { resolveLogKey } from './log-key.resolver.js';
import { DEMO_PASSWORD_DEFAULT, seedDemo } from './demo.seed.js';

class UsageError extends Error {}

const HELP = `liutong ${VERSION} — data element market platform (流通)

usage: liutong <command> [options]

  start [--port N] [--host H] [--data-dir D] [--database-url U] [--config F] [--demo]
                              run the platform (embedded PGlite unless a database URL is given)
  migrate [--data-dir D | --database-url U]
                              apply every module's pending migrations
  admin create --username U [--password P] [--data-dir D | --database-url U]
                              create a platform administrator (bootstraps the platform organisation)
  ledger verify [--data-dir D | --database-url U] [--trusted FILE]...
                              recompute the evidence log and check every checkpoint; exit 1 and
                              name the first bad index on any tampering
  receipt verify FILE --key KEY [--witness-key VKEY]...
                              verify an evidence receipt offline; KEY is a note verifier key, a file
                              holding one or a DID document, or a DID document URL
  cert verify FILE [--issuer DID]... [--at TIME] [--lang zh-CN|en-US]
                              verify a certificate offline from its bundle (GET /api/v1/certificates/{id}/bundle):
                              format, issuer DID, signature, validity, status lists, ledger evidence;
                              --issuer: the only DIDs trusted to issue; --at: check as of that time
  books reconcile [--data-dir D | --database-url U]
                              prove the exchange's books: every journal balances, every balance equals
                              its lines, no forbidden negative balance; exit 1 naming each problem
  settle [--date YYYY-MM-DD] [--data-dir D | --database-url U]
                              run the exchange's settlement: every accepted deal due on or before the
                              date (default today, Asia/Shanghai) settled in batches, each exactly once
  witness --url URL --key FILE --state FILE [--api-key K] [--log-key VKEY]
                              one witness round: check consistency, cosign, post (API key also from
                              LIUTONG_WITNESS_API_KEY)
  witness keygen --name NAME --out FILE
                              make a witness key; prints the verifier key to register
  backup FILE [--data-dir D]  write a gzipped copy of the embedded store
  restore FILE [--data-dir D] restore a backup into an empty data directory
  version                     print the version
`;

const common = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function configFrom(values: Record<string, unknown>, extra: Record<string, unknown> = {}): LiutongConfig {
  return loadConfig({
    file: values.config as string | undefined,
    overrides: { dataDir: values['data-dir'], databaseUrl: values['database-url'], ...extra },
  });
}

/** Opens the configured database for a one-shot command, locking an embedded store. */
async function withDatabase<T>(config: LiutongConfig, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
    release();
  }
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(HELP);
      return command === undefined ? 2 : 0;
    case 'version':
    case '--version':
      out(VERSION);
      return 0;
    case 'start': {
      const { values } = parse(rest, { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' } });
      const config = configFrom(values, { port: values.port === undefined ? undefined : Number(values.port), host: values.host });
      const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
      const lt = await createLiutong(config);
      const admin = await lt.identity.organisations.bootstrapAdmin(config.adminPassword);
      if (admin.created && admin.password) {
        out(`Created platform administrator 'admin' with password: ${admin.password}`);
        out('(shown once; set LIUTONG_ADMIN_PASSWORD to choose it)');
      }
      if (values.demo) {
        const password = process.env.LIUTONG_DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT;
        const started = performance.now();
        const demo = await seedDemo(lt, password);
        if (demo.seeded) {
          out(`Demo data seeded in ${((performance.now() - started) / 1000).toFixed(1)} s. Users (password ${password === DEMO_PASSWORD_DEFAULT ? password : 'from LIUTONG_DEMO_PASSWORD'}):`);
          for (const u of demo.users) out(`  ${u.username.padEnd(16)} ${u.memberRole.padEnd(10)} ${u.organisation}`);
        }
      }
      const url = await lt.listen();
      out(`Liutong ${VERSION} is running at ${url}  (API docs: ${url}/api/docs, engine: ${lt.kernel.engine})`);
      out(`Console: ${url}/login → ${url}/console   Public portal: ${url}/   Receipt verifier: ${url}/verify`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      out('Stopping…');
      await lt.close();
      release();
      return 0;
    }
    case 'migrate': {
      const { values } = parse(rest, {});
      const applied = await withDatabase(configFrom(values), (db) => runMigrations(db.db, MODULE_MIGRATIONS));
      out(applied.length ? `Applied:\n  ${applied.join('\n  ')}` : 'Database is up to date.');
      return 0;
    }
    case 'admin': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError('usage: liutong admin create --username U [--password P]');
      const { values } = parse(args, { username: { type: 'string' }, password: { type: 'string' } });
      if (!values.username) throw new UsageError('--username is required');
      const config = configFrom(values);
      const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
      const lt = await createLiutong(config, { startRelay: false });
      try {
        const boot = await lt.identity.organisations.bootstrapAdmin(values.username === 'admin' ? values.password : config.adminPassword);
        if (values.username === 'admin') {
          if (!boot.created) throw new UsageError("user 'admin' already exists");
          out(`Created platform administrator 'admin'${boot.password ? ` with password: ${boot.password}` : ''}`);
        } else {
          const platform = (await lt.identity.organisations.list({ role: 'platform_admin', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0]!;
          const password = values.password ?? `Lt-${(await import('node:crypto')).randomBytes(12).toString('base64url')}`;
          await lt.identity.organisations.createUser(platform.id, { username: values.username, displayName: values.username, password, memberRole: 'org_admin' }, null);
          out(`Created platform administrator '${values.username}'${values.password ? '' : ` with password: ${password}`}`);
        }
        await lt.flush();
      } finally {
        await lt.close();
        release();
      }
      return 0;
    }
    case 'ledger': {
      const [sub, ...args] = rest;
      if (sub !== 'verify') throw new UsageError('usage: liutong ledger verify [--data-dir D | --database-url U] [--trusted FILE]');
      const { values } = parse(args, { trusted: { type: 'string', multiple: true } });
      const trusted = (values.trusted ?? []).map(readTrusted);
      const result = await withDatabase(configFrom(values), (db) => verifyStoredLedger(db.db, trusted));
      if (result.ok) {
        out(`OK: ${result.size} entries, ${result.checkpoints} checkpoints, ${result.cosignatures} cosignatures verified.`);
        return 0;
      }
      out(`FAILED: first bad index ${result.firstBadIndex} (log of ${result.size} entries)`);
      for (const p of result.problems) out(`  - ${p}`);
      return 1;
    }
    case 'books': {
      const [sub, ...args] = rest;
      if (sub !== 'reconcile') throw new UsageError('usage: liutong books reconcile [--data-dir D | --database-url U]');
      const { values } = parse(args, {});
      const report = await withDatabase(configFrom(values), (db) => reconcileBooks(db.db));
      if (report.ok) {
        out(`OK: the books balance — ${report.journals} journals, ${report.postings} postings, ${report.accounts} accounts.`);
        return 0;
      }
      out(`FAILED: ${report.problems.length} problem(s) in ${report.journals} journals, ${report.postings} postings, ${report.accounts} accounts`);
      for (const p of report.problems) out(`  - ${p}`);
      return 1;
    }
    case 'settle': {
      const { values } = parse(rest, { date: { type: 'string' } });
      if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError('usage: liutong settle [--date YYYY-MM-DD] [--data-dir D | --database-url U]');
      const config = configFrom(values);
      const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
      const lt = await createLiutong(config, { startRelay: false });
      try {
        // One line per committed batch, so an operator (or a test) sees the progress.
        const r = await lt.exchange.settlements.run(null, values.date, undefined, (b) => out(`batch ${b.id}: ${b.items} deal(s), ${b.amountFen} fen`));
        await lt.flush();
        out(`OK: ${r.items} deal(s) settled in ${r.batches.length} batch(es) for ${r.businessDate}, ${r.amountFen} fen released from escrow.`);
      } finally {
        await lt.close();
        release();
      }
      return 0;
    }
    case 'receipt': {
      const [sub, ...args] = rest;
      if (sub !== 'verify') throw new UsageError('usage: liutong receipt verify FILE --key KEY');
      const { values, positionals } = parse(args, { key: { type: 'string' }, 'witness-key': { type: 'string', multiple: true } });
      if (positionals.length !== 1 || !values.key) throw new UsageError('usage: liutong receipt verify FILE --key KEY');
      let receipt: unknown;
      try {
        receipt = JSON.parse(readFileSync(positionals[0]!, 'utf8'));
      } catch (err) {
        out(`INVALID: cannot read receipt: ${(err as Error).message}`);
        return 1;
      }
      const logKey = await resolveLogKey(values.key, receipt);
      const check = verifyReceipt(receipt, logKey, values['witness-key'] ?? []);
      if (check.valid) {
        out(`VALID: entry ${check.index} is in ${check.origin} at tree size ${check.size}${check.witnesses?.length ? `, cosigned by ${check.witnesses.join(', ')}` : ''}.`);
        return 0;
      }
      out(`INVALID: ${check.reason}${check.detail ? ` (${check.detail})` : ''}`);
      return 1;
    }
    case 'cert': {
      const [sub, ...args] = rest;
      const usage = 'usage: liutong cert verify FILE [--issuer DID]... [--at TIME] [--lang zh-CN|en-US]';
      if (sub !== 'verify') throw new UsageError(usage);
      const { values, positionals } = parse(args, { issuer: { type: 'string', multiple: true }, at: { type: 'string' }, lang: { type: 'string' } });
      if (positionals.length !== 1) throw new UsageError(usage);
      const lang = values.lang === 'en-US' ? 'en-US' : values.lang === undefined || values.lang === 'zh-CN' ? (values.lang ?? 'zh-CN') : null;
      if (!lang) throw new UsageError(usage);
      const at = values.at ? new Date(values.at) : new Date();
      if (Number.isNaN(at.getTime())) throw new UsageError(`--at: not a time: ${values.at}`);
      let bundle: unknown;
      try {
        bundle = JSON.parse(readFileSync(positionals[0]!, 'utf8'));
      } catch (err) {
        out(`INVALID: cannot read the bundle: ${(err as Error).message}`);
        return 1;
      }
      if (!isBundle(bundle)) {
        out('INVALID: not a certificate bundle (download one with GET /api/v1/certificates/{id}/bundle; a bare vc+jwt cannot be checked offline without the issuer DID document, status lists and receipts)');
        return 1;
      }
      const result = await verifyBundle(bundle, { now: at, issuers: values.issuer ?? [] });
      const mark = { passed: 'PASS', failed: 'FAIL', pending: 'WAIT' } as const;
      for (const c of result.checks) out(`  ${mark[c.outcome]}  ${c.check.padEnd(9)} ${c.message[lang]}`);
      out(result.valid ? 'VALID' : `INVALID: ${result.checks.filter((c) => c.outcome === 'failed').map((c) => `${c.check} (${c.code})`).join(', ')}`);
      return result.valid ? 0 : 1;
    }
    case 'witness': {
      if (rest[0] === 'keygen') {
        const { values } = parse(rest.slice(1), { name: { type: 'string' }, out: { type: 'string' } });
        if (!values.name || !values.out) throw new UsageError('usage: liutong witness keygen --name NAME --out FILE');
        if (existsSync(values.out)) throw new UsageError(`${values.out} exists; refusing to overwrite a key`);
        const { signerKey } = generateNoteKey(values.name);
        writeFileSync(values.out, `${signerKey}\n`, { mode: 0o600 });
        const parsed = parseWitnessSignerKey(signerKey);
        out(witnessVerifierKey(parsed.name, parsed.publicKey));
        return 0;
      }
      const { values } = parse(rest, { url: { type: 'string' }, key: { type: 'string' }, state: { type: 'string' }, 'api-key': { type: 'string' }, 'log-key': { type: 'string' } });
      const apiKey = values['api-key'] ?? process.env.LIUTONG_WITNESS_API_KEY;
      if (!values.url || !values.key || !values.state || !apiKey) throw new UsageError('usage: liutong witness --url URL --key FILE --state FILE --api-key K');
      const result = await runWitness({
        url: values.url,
        signerKey: readFileSync(values.key, 'utf8').trim(),
        stateFile: values.state,
        apiKey,
        ...(values['log-key'] ? { logKey: values['log-key'] } : {}),
      });
      out(result.ok ? `OK: ${result.message}` : `REFUSED (${result.reason}): ${result.message}`);
      return result.ok ? 0 : 1;
    }
    case 'backup': {
      const { values, positionals } = parse(rest, {});
      if (positionals.length !== 1) throw new UsageError('usage: liutong backup FILE [--data-dir D]');
      const config = configFrom(values);
      if (config.databaseUrl) throw new UsageError('backup copies the embedded store; for PostgreSQL use pg_dump (see README)');
      if (!existsSync(path.join(config.dataDir, 'pglite'))) throw new UsageError(`no embedded store in ${config.dataDir}`);
      const bytes = await withDatabase(config, async (db) => Buffer.from(await (await db.pglite!.dumpDataDir('gzip')).arrayBuffer()));
      writeFileSync(positionals[0]!, bytes, { mode: 0o600 });
      out(`Backup written to ${positionals[0]} (${bytes.length} bytes). Keep the key-encryption secret (LIUTONG_KEY_ENCRYPTION_SECRET or ${path.join(config.dataDir, 'key-encryption.secret')}) safe separately: signing keys cannot be used without it.`);
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parse(rest, {});
      if (positionals.length !== 1) throw new UsageError('usage: liutong restore FILE [--data-dir D]');
      const config = configFrom(values);
      if (config.databaseUrl) throw new UsageError('restore fills an embedded store; for PostgreSQL use pg_restore (see README)');
      const target = path.join(config.dataDir, 'pglite');
      if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`${target} is not empty; restore only into an empty data directory`);
      const release = lockDataDir(config.dataDir);
      try {
        const blob = new Blob([readFileSync(positionals[0]!)]);
        const db = await openDatabase({ dataDir: config.dataDir, loadDataDir: blob });
        const r = await db.db.selectFrom('platform_migration').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
        await db.close();
        out(`Restored into ${config.dataDir} (${r?.n ?? 0} migrations recorded). Run 'liutong ledger verify --data-dir ${config.dataDir}' to check it.`);
      } finally {
        release();
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command '${command}'\n\n${HELP}`);
  }
}

function readTrusted(file: string): TrustedCheckpoint {
  const text = readFileSync(file, 'utf8');
  try {
    const json = JSON.parse(text) as { size?: number; rootHash?: string };
    if (typeof json.size === 'number' && typeof json.rootHash === 'string') return { size: json.size, rootHash: Buffer.from(json.rootHash, 'base64') };
  } catch {
    /* not JSON: a checkpoint note */
  }
  const cp = parseCheckpointBody(openNote(text, []).text);
  return { size: cp.size, rootHash: cp.rootHash };
}

const invokedDirectly = process.argv[1] && /(?:liutong(?:\.js)?|main\.[jt]s)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof UsageError || err instanceof ConfigError || err instanceof DataDirLockedError) {
        process.stderr.write(`liutong: ${err.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`liutong: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}

export { UsageError };
