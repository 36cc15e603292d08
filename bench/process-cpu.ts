import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * CPU time (user + system, ms) of the Chromium launched on `profileDir` and of every process it
 * started, by process type ("browser", "renderer", "extension renderer", "gpu-process",
 * "utility:storage", …), read from Linux's /proc; null where there is no /proc. Sealed capture is
 * bound by CPU on a 2-core machine (docs/decisions.md 2026-12-03 "Sealed capture measured per
 * process"): the wall time alone does not say which process did the extra work.
 */
export type ProcessCpu = Record<string, number>;

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcessFacts {
  pid: number;
  parent: number;
  cpuTicks: number;
  commandLine: string;
}

function readProcess(pid: number): ProcessFacts | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    // proc(5): state is field 3, ppid 4, utime 14, stime 15; `fields` starts at field 3.
    return { pid, parent: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), commandLine };
  } catch {
    return null;
  }
}

function processType(commandLine: string): string {
  const type = /--type=([\w-]+)/.exec(commandLine)?.[1];
  if (!type) return 'browser';
  if (type === 'renderer' && commandLine.includes('--extension-process')) return 'extension renderer';
  const subType = /--utility-sub-type=([\w.]+)/.exec(commandLine)?.[1];
  return subType ? `${type}:${subType.split('.').at(-1)}` : type;
}

export function chromiumCpu(profileDir: string): ProcessCpu | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const all = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((p): p is ProcessFacts => p !== null);
  const root = all.find((p) => p.commandLine.includes(`--user-data-dir=${profileDir}`) && !p.commandLine.includes('--type='));
  if (!root) return null;
  const children = new Map<number, ProcessFacts[]>();
  for (const p of all) children.set(p.parent, [...(children.get(p.parent) ?? []), p]);
  const cpu: ProcessCpu = {};
  const msPerTick = 1000 / clockTicks();
  for (const stack = [root]; stack.length > 0; ) {
    const p = stack.pop()!;
    const type = processType(p.commandLine);
    cpu[type] = (cpu[type] ?? 0) + p.cpuTicks * msPerTick;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return cpu;
}

/** CPU spent between two readings, by process type. */
export function cpuSpent(before: ProcessCpu, after: ProcessCpu): ProcessCpu {
  return Object.fromEntries(Object.entries(after).map(([type, ms]) => [type, ms - (before[type] ?? 0)]));
}
