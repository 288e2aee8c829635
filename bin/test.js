#!/usr/bin/env node
// `npm test`'s last step: `vitest run` under a watchdog, then, only if a test worker hung, a second
// run of the files that never reported.
//
// Why: on this two-core machine a Vitest fork now and then blocks for good (its main thread parked
// on a futex, no CPU, no timer firing — so no test or hook timeout can end it) and the whole run
// waits forever. The watchdog reads each worker's CPU time from /proc; a worker that has used
// none for WORKER_IDLE_S while the run printed nothing is killed, and the files that never
// reported a result (the default reporter prints one line per finished file) run again in a
// fresh Vitest. Every failure still fails: a file that reported a failure is never re-run, and
// the re-run must pass on its own. Extra arguments go to Vitest (e.g. `npm test -- src/x.test.ts`).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const WORKER_IDLE_S = Number(process.env.LIUTONG_TEST_WORKER_IDLE_S ?? 240);
// eslint-disable-next-line no-control-regex -- the escape starts the colour codes being stripped
const ANSI = /\x1b\[[0-9;]*m/g;
const FILE_LINE = /^ (✓|❯|×|↓) (\S+\.test\.ts)/;
const args = process.argv.slice(2);

/** All processes descending from `root`, from /proc. */
function descendants(root) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (p) => { for (const c of children.get(p) ?? []) { out.push(c); walk(c); } };
  walk(root);
  return out;
}

/** A process's name and CPU ticks (user + system), or null once gone. */
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name, ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

function runVitest(files, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('node_modules/vitest/vitest.mjs'), 'run', ...files], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const reported = new Set();
    const failed = new Set();
    let lastOutput = Date.now();
    let killed = 0;
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      lastOutput = Date.now();
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        const m = FILE_LINE.exec(line.replace(ANSI, ''));
        if (m) reported.add(path.normalize(m[2]));
        if (m && (m[1] === '❯' || m[1] === '×')) failed.add(path.normalize(m[2]));
      }
    });
    child.stderr.on('data', (chunk) => { process.stderr.write(chunk); lastOutput = Date.now(); });
    const seen = new Map(); // pid → { ticks, since }
    const timer = setInterval(() => {
      const now = Date.now();
      for (const pid of descendants(child.pid)) {
        const c = cpuOf(pid);
        if (!c || !/^node \(vitest \d+\)$/.test(c.name)) continue; // the workers, not Vitest's own process
        const s = seen.get(pid);
        if (!s || s.ticks !== c.ticks) { seen.set(pid, { ticks: c.ticks, since: now }); continue; }
        if (now - s.since > WORKER_IDLE_S * 1000 && now - lastOutput > WORKER_IDLE_S * 1000) {
          console.error(`\n[test] a Vitest worker (pid ${pid}) used no CPU for ${WORKER_IDLE_S} s while the run printed nothing: it is hung; killing it, its files run again afterwards\n`);
          killed++;
          try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
          seen.delete(pid);
        }
      }
    }, 5000);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code: code ?? (signal ? 1 : 0), reported, failed, killed });
    });
  });
}

/** The test files Vitest would run (its include globs: src/**, test/**). */
function allTestFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); } else if (e.name.endsWith('.test.ts')) out.push(path.normalize(p));
    }
  };
  walk('src');
  walk('test');
  return out;
}

const first = await runVitest(args, process.env);
if (first.killed === 0) process.exit(first.code);
// A worker hung and was killed: the run's own verdict is lost with it. Files that reported are
// settled (a failure among them fails the run); the rest run again, keeping the counts CI reads.
const requested = args.filter((a) => !a.startsWith('-'));
const candidates = allTestFiles().filter((f) => requested.length === 0 || requested.some((r) => f.includes(path.normalize(r))));
const missing = candidates.filter((f) => !first.reported.has(f));
console.error(`[test] ${first.reported.size} files reported (${first.failed.size} with failures); running the ${missing.length} that did not: ${missing.join(' ')}`);
if (missing.length === 0) process.exit(1);
const second = await runVitest(missing, { ...process.env, LIUTONG_TEST_KEEP_COUNTS: '1' });
process.exit(first.failed.size === 0 && second.code === 0 && second.killed === 0 ? 0 : 1);
