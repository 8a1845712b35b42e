// The end-to-end run: builds the Go binary (which embeds frontend/dist), and
// for each store (a fresh SQLite file, then a fresh PostgreSQL database)
// starts it with the demo organisation, runs the browser tests in headless
// Chromium against it, and stops it.
//
// Without /usr/bin/chromium the run says loudly that it skipped; with CI=true
// or DIALOOG_REQUIRE_BROWSER=1 that is a failure. PostgreSQL likewise, with
// DIALOOG_REQUIRE_POSTGRES=1.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const root = resolve(frontend, '..');
const chromium = process.env.DIALOOG_CHROMIUM || '/usr/bin/chromium';
const requireBrowser = process.env.CI === 'true' || process.env.DIALOOG_REQUIRE_BROWSER === '1';
const requirePostgres = process.env.DIALOOG_REQUIRE_POSTGRES === '1';
const pgHost = process.env.DIALOOG_E2E_PGHOST || '127.0.0.1';
const pgPort = process.env.DIALOOG_E2E_PGPORT || '5432';
const pgUser = process.env.DIALOOG_E2E_PGUSER || 'postgres';

function banner(lines) {
  const bar = '*'.repeat(72);
  console.log(`\n${bar}\n${lines.map((l) => `*  ${l}`).join('\n')}\n${bar}\n`);
}

if (!existsSync(chromium)) {
  banner([`Chromium is not at ${chromium}:`, 'the browser (end-to-end) tests are SKIPPED.', 'Install it with: apt-get install -y chromium']);
  if (requireBrowser) {
    console.log('CI=true or DIALOOG_REQUIRE_BROWSER=1: a missing browser is a failure.');
    process.exit(1);
  }
  process.exit(0);
}
if (!existsSync(join(frontend, 'dist', 'index.html'))) {
  console.error('frontend/dist is not built: run `npm run build` first (make test does).');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'dialoog-e2e-'));
const bin = join(work, 'dialoog');
console.log(`building the server into ${bin}`);
const build = spawnSync('go', ['build', '-o', bin, './cmd/dialoog'], { cwd: root, stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0' } });
if (build.status !== 0) process.exit(build.status ?? 1);

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

async function waitReady(url, server, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}/readyz did not answer 200 within ${ms / 1000}s`);
}

function pg(cmd, args) {
  return spawnSync(cmd, ['-h', pgHost, '-p', pgPort, '-U', pgUser, ...args], { encoding: 'utf8' });
}

function postgresReachable() {
  const r = pg('psql', ['-d', 'postgres', '-tAc', 'SELECT 1']);
  return r.status === 0;
}

async function runStore(store) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const adminPassword = `e2e-${randomBytes(9).toString('hex')}`;
  let databaseUrl;
  let dbName;
  if (store === 'sqlite') {
    databaseUrl = `sqlite://${join(work, `e2e-${randomBytes(4).toString('hex')}.db`)}`;
  } else {
    dbName = `dialoog_e2e_${randomBytes(5).toString('hex')}`;
    const r = pg('createdb', [dbName]);
    if (r.status !== 0) throw new Error(`createdb ${dbName} failed: ${r.stderr}`);
    databaseUrl = `postgres://${pgUser}@${pgHost}:${pgPort}/${dbName}?sslmode=disable`;
  }
  // the server writes to a file: a pipe nobody reads while the tests run would fill and stall it
  const logFile = join(work, `${store}-server.log`);
  const logFd = openSync(logFile, 'w');
  const server = spawn(bin, ['serve'], {
    cwd: work,
    env: {
      ...process.env,
      DIALOOG_DEMO: '1',
      DIALOOG_ADDR: `127.0.0.1:${port}`,
      DIALOOG_ADMIN_EMAIL: 'e2e-admin@dialoog.test',
      DIALOOG_ADMIN_PASSWORD: adminPassword,
      DATABASE_URL: databaseUrl,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const tapFile = join(work, `${store}.tap`);
  try {
    console.log(`\n== end-to-end on ${store}: ${url}`);
    await waitReady(url, server);
    const run = spawnSync(
      process.execPath,
      ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, join(here, 'app.e2e.mjs')],
      {
        cwd: frontend,
        stdio: 'inherit',
        env: { ...process.env, DIALOOG_E2E_URL: url, DIALOOG_E2E_STORE: store, DIALOOG_E2E_ADMIN_PASSWORD: adminPassword, DIALOOG_CHROMIUM: chromium },
      },
    );
    const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
    const count = (k) => Number((tap.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [])[1] ?? 0);
    const result = { store, passed: count('pass'), failed: count('fail') + (run.status !== 0 && count('fail') === 0 ? 1 : 0), skipped: count('skipped') };
    // a server error is never the browser's fault: show each one
    const serverErrors = readFileSync(logFile, 'utf8').split('\n').filter((l) => / status=5\d\d /.test(l) || /level=ERROR/.test(l));
    if (serverErrors.length) console.log(`\n-- server errors (${store}) --\n${serverErrors.join('\n')}`);
    if (run.status !== 0) {
      console.log(`\n-- server log (${store}), last lines --\n${readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')}`);
    }
    return result;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
    if (dbName) {
      const r = pg('dropdb', ['--force', dbName]);
      if (r.status !== 0) console.warn(`dropdb ${dbName} failed: ${r.stderr}`);
    }
  }
}

const only = process.env.DIALOOG_E2E_STORES?.split(',').filter(Boolean);
const stores = ['sqlite'];
if (only && !only.includes('postgres')) {
  /* asked for SQLite alone */
} else if (postgresReachable()) stores.push('postgres');
else {
  banner([`PostgreSQL at ${pgHost}:${pgPort} cannot be reached:`, 'the end-to-end run on PostgreSQL is SKIPPED.']);
  if (requirePostgres) {
    console.log('DIALOOG_REQUIRE_POSTGRES=1: failing.');
    process.exit(1);
  }
}

const results = [];
let failed = false;
try {
  for (const store of stores) {
    try {
      results.push(await runStore(store));
    } catch (e) {
      console.error(`end-to-end on ${store} could not run: ${e.message}`);
      results.push({ store, passed: 0, failed: 1, skipped: 0 });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('\nend-to-end summary');
for (const r of results) {
  console.log(`  ${r.store}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  if (r.failed > 0 || r.passed === 0) failed = true;
}
const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed }), { passed: 0, failed: 0 });
console.log(`e2e: ${total.passed} passed, ${total.failed} failed`);
process.exit(failed ? 1 : 0);
