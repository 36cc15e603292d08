import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumCpu, cpuSpent } from '../../bench/process-cpu';

/**
 * bench/process-cpu.ts on real processes: a stand-in "browser" (a node process whose command line
 * names a profile directory) that starts a busy "renderer" child; the reading finds both by the
 * profile directory and the tree, and sorts them by their --type.
 */
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) {
    killChildren(child.pid!);
    child.kill('SIGKILL');
  }
});

const hasProc = fs.existsSync('/proc/self/stat');

describe.runIf(hasProc)('chromiumCpu', () => {
  it("finds the browser by its profile directory and counts its children's CPU by type", async () => {
    const profileDir = `/tmp/sv-cpu-test-${process.pid}-${Date.now()}`;
    // The child spins until it has used 300 ms of CPU (however loaded the machine); the parent waits.
    const childScript = 'const used = () => { const u = process.cpuUsage(); return u.user + u.system; }; while (used() < 300_000) {} setTimeout(() => {}, 60_000);';
    // The child's command line comes through the environment: the browser's own must not name a --type.
    const parentScript =
      "const [script, ...args] = JSON.parse(process.env.SV_CHILD); require('node:child_process').spawn(process.execPath, ['-e', script, '--', ...args], { stdio: 'ignore' }); setTimeout(() => {}, 60_000);";
    const parent = spawn(process.execPath, ['-e', parentScript, '--', `--user-data-dir=${profileDir}`], {
      stdio: 'ignore',
      env: { ...process.env, SV_CHILD: JSON.stringify([childScript, '--type=renderer', '--extension-process']) },
    });
    started.push(parent);
    const first = await waitFor(
      () => chromiumCpu(profileDir),
      (cpu) => Object.keys(cpu).length === 2,
    );
    expect(Object.keys(first).sort()).toEqual(['browser', 'extension renderer']);
    // The spinning child's CPU shows up under its type (a loaded machine may take a while).
    const later = await waitFor(
      () => chromiumCpu(profileDir),
      (cpu) => (cpu['extension renderer'] ?? 0) >= 250,
    );
    expect(cpuSpent(first, later)['extension renderer']).toBe(later['extension renderer']! - first['extension renderer']!);
    expect(later.browser).toBeLessThan(later['extension renderer']!);
  });

  it('is null when no browser runs on that profile', () => {
    expect(chromiumCpu('/tmp/sv-no-such-profile')).toBeNull();
  });
});

async function waitFor<T>(read: () => T | null, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value && done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the process tree never got there');
}

function killChildren(pid: number): void {
  for (const name of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) process.kill(Number(name), 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
