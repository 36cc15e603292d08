// biome-ignore-all lint/suspicious/noExplicitAny: probe code evaluated in the page (Dexie UMD global, experimental navigator.storageBuckets)
import { chromium, type BrowserContext, type Page, test } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allFiles, ldbDecompressed } from '../tests/support/profile-scan';

// A ~10-minute measurement, not a benchmark: `npm run probe:deletion` runs it (docs/deletion-measurements.md).
test.skip(!process.env.SV_DELETION_PROBE, 'deletion probe: run with npm run probe:deletion');

/**
 * Measurement, not a check (groundwork, see docs/deletion-measurements.md): what really removes
 * bytes from a Chromium profile directory. Each case writes records holding random markers, deletes
 * them by one method, and scans EVERY file of the profile (as bytes) at each moment:
 *   W  written, browser open               a  right after the delete, browser open
 *   b  after context.close()               c  re-opened + a little more data written (open)
 *   d  ~16 MB more written and deleted by the same method, page closed, 3 s idle (open)
 *   d' after context.close() once more     e  re-opened, 5 s idle, closed again
 * Every record also has a "control" twin that is never deleted: it must be found at every moment
 * (self-check of the scan; Snappy-compressed .ldb blocks still hold the first 32 bytes of a random
 * marker as a literal).
 *
 * The built extension is copied to a temp folder and two probe-only files are added to the copy
 * (probe.html, an empty page, and probe-worker.js, for OPFS sync access handles, which exist only in
 * dedicated workers); the production build itself is not changed. Dexie is the project's own copy,
 * evaluated in the page through the DevTools protocol.
 *
 * Run: npm run build && npx playwright test -c playwright.bench.config.ts bench/deletion-probe.pw-bench.ts
 * Env: SV_PROBE_RUNS (default 2), SV_PROBE_CASES (comma list of case names, default all).
 */

const CHROMIUM = process.env.SV_CHROMIUM ?? '/usr/bin/chromium';
const BUILT = path.resolve(process.env.SV_EXTENSION_DIR ?? '.output/chrome-mv3');
const RUNS = Number(process.env.SV_PROBE_RUNS ?? 2);
const ROWS = 8;
const FILLER_MB = 16;
const DEXIE_SRC = fs.readFileSync(path.resolve('node_modules/dexie/dist/dexie.js'), 'utf8');

const PROBE_WORKER = `
self.onmessage = async (e) => {
  const { op, name, text } = e.data;
  try {
    const root = await navigator.storage.getDirectory();
    if (op === 'write') {
      const fh = await root.getFileHandle(name, { create: true });
      const h = await fh.createSyncAccessHandle();
      h.truncate(0);
      h.write(new TextEncoder().encode(text), { at: 0 });
      h.flush();
      h.close();
    } else if (op === 'remove') {
      await root.removeEntry(name);
    }
    self.postMessage({ ok: true });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err) });
  }
};`;

/** One record's markers: a one-byte string, a two-byte string (stored UTF-16LE), raw bytes. */
interface Marker {
  ascii: string; // 32 hex chars
  wide: string; // 32 hex chars; stored in a string with a CJK char so V8 keeps it two-byte
  raw: string; // 16 random bytes as hex (stored as a Uint8Array where the storage allows it)
}
const newMarker = (): Marker => ({
  ascii: crypto.randomBytes(16).toString('hex'),
  wide: crypto.randomBytes(16).toString('hex'),
  raw: crypto.randomBytes(16).toString('hex'),
});

function needles(m: Marker): Buffer[] {
  return [
    Buffer.from(m.ascii, 'utf8'),
    Buffer.from(m.ascii, 'utf16le'),
    Buffer.from(m.wide, 'utf8'),
    Buffer.from(m.wide, 'utf16le'),
    Buffer.from(m.raw, 'hex'),
    Buffer.from(m.raw, 'utf8'), // storage.local / OPFS hold the raw marker as hex text
  ];
}

function kind(rel: string): string {
  const base = path.basename(rel);
  if (rel.includes('File System')) return `OPFS:${base}`;
  if (rel.includes('.blob')) return `blob:${base}`;
  if (base.endsWith('.ldb')) return 'ldb';
  if (base.endsWith('.log')) return 'log';
  if (base.startsWith('MANIFEST')) return 'MANIFEST';
  return base;
}

interface ScanResult {
  targetsFound: number; // of ROWS deleted records, how many have any marker form on disk
  controlFound: number; // of ROWS kept records
  where: string[]; // file kinds holding deleted markers
  whereDetail: string[]; // relative paths
}

function scan(profileDir: string, targets: Marker[], controls: Marker[]): ScanResult {
  const files = allFiles(profileDir).map((f) => {
    try {
      const bytes = fs.readFileSync(f);
      if (!f.endsWith('.ldb')) return { f, bytes };
      const plain = ldbDecompressed(bytes);
      if (plain.length < bytes.length / 2) console.log(`  (could not decompress ${path.relative(profileDir, f)}: ${plain.length} of ${bytes.length} bytes)`);
      return { f, bytes: Buffer.concat([bytes, plain]) };
    } catch {
      return { f, bytes: Buffer.alloc(0) };
    }
  });
  const hit = (m: Marker) => {
    const ns = needles(m);
    return files.filter(({ bytes }) => ns.some((n) => bytes.includes(n))).map(({ f }) => path.relative(profileDir, f));
  };
  const where = new Set<string>();
  const whereDetail = new Set<string>();
  let targetsFound = 0;
  for (const t of targets) {
    const h = hit(t);
    if (h.length > 0) targetsFound++;
    for (const f of h) {
      where.add(kind(f));
      whereDetail.add(f);
    }
  }
  const controlFound = controls.filter((c) => hit(c).length > 0).length;
  return { targetsFound, controlFound, where: [...where].sort(), whereDetail: [...whereDetail].sort() };
}

/** Copy of the built extension plus the probe page and worker. */
function probeExtension(): string {
  if (!fs.existsSync(path.join(BUILT, 'manifest.json'))) throw new Error(`No built extension at ${BUILT}: run "npm run build" first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-probe-ext-'));
  fs.cpSync(BUILT, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'probe.html'), '<!doctype html><meta charset="utf-8"><title>probe</title>');
  fs.writeFileSync(path.join(dir, 'probe-worker.js'), PROBE_WORKER);
  return dir;
}

async function launch(profileDir: string, extDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/probe.html`);
  await page.evaluate(DEXIE_SRC);
  return { context, page };
}

/** Filler rows of ~8 KB random hex strings (under the 64 KB IndexedDB blob-wrapping threshold). */
const FILLER_ROWS = FILLER_MB * 128;

interface Case {
  name: string;
  /** Writes targets and controls (browser open). */
  write: (page: Page, targets: Marker[], controls: Marker[]) => Promise<void>;
  /** Deletes the targets by the case's method. */
  remove: (page: Page) => Promise<void>;
  /** A little more data of the same kind (step c). */
  writeMore: (page: Page) => Promise<void>;
  /** ~16 MB more of the same kind, then deleted by the same method (step d). */
  churn: (page: Page) => Promise<void>;
}

/* ---------- IndexedDB through Dexie ---------- */

const dexieWrite = (dbName: string) => async (page: Page, targets: Marker[], controls: Marker[]) => {
  await page.evaluate(
    async ({ dbName, targets, controls }) => {
      const D = (globalThis as any).Dexie;
      const db = new D(dbName);
      db.version(1).stores({ buyers: 'orderSn', filler: 'id' });
      const hexBytes = (h: string) => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)));
      const row = (kindName: string, i: number, m: { ascii: string; wide: string; raw: string }) => ({
        orderSn: `${kindName}-${i}`,
        name: `Buyer ${m.ascii}`,
        line1: `${m.wide} 猫 Rue de la Paix`,
        sealed: hexBytes(m.raw),
      });
      await db.buyers.bulkPut([...targets.map((m, i) => row('target', i, m)), ...controls.map((m, i) => row('control', i, m))]);
      db.close();
    },
    { dbName, targets, controls },
  );
};

function dexieFiller(page: Page, dbName: string, rows: number, andDelete: 'bulkDelete' | 'clear' | null) {
  return page.evaluate(
    async ({ dbName, rows, andDelete }) => {
      const D = (globalThis as any).Dexie;
      const db = new D(dbName);
      db.version(1).stores({ buyers: 'orderSn', filler: 'id' });
      const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');
      const ids: number[] = [];
      for (let start = 0; start < rows; start += 128) {
        const batch = Array.from({ length: Math.min(128, rows - start) }, (_, k) => ({ id: start + k, v: hex(8192) }));
        ids.push(...batch.map((b) => b.id));
        await db.filler.bulkPut(batch);
      }
      if (andDelete === 'bulkDelete') await db.filler.bulkDelete(ids);
      if (andDelete === 'clear') await db.filler.clear();
      db.close();
    },
    { dbName, rows, andDelete },
  );
}

function dexieRowsCase(method: 'bulkDelete' | 'clear'): Case {
  const dbName = 'probe-vault';
  return {
    name: `idb-dexie-${method}`,
    write: dexieWrite(dbName),
    remove: (page) =>
      page.evaluate(
        async ({ dbName, method, rows }) => {
          const D = (globalThis as any).Dexie;
          const db = new D(dbName);
          db.version(1).stores({ buyers: 'orderSn', filler: 'id' });
          if (method === 'bulkDelete') await db.buyers.bulkDelete(Array.from({ length: rows }, (_, i) => `target-${i}`));
          else {
            // clear() empties the store: keep the controls by moving them to another store first.
            const controls = await db.buyers.where('orderSn').startsWith('control-').toArray();
            await db.transaction('rw', db.buyers, db.filler, async () => {
              await db.buyers.clear();
              await db.filler.bulkPut(controls.map((c: any, i: number) => ({ ...c, id: 1e9 + i })));
            });
          }
          db.close();
        },
        { dbName, method, rows: ROWS },
      ),
    writeMore: (page) => dexieFiller(page, 'probe-more', 64, null),
    churn: (page) => dexieFiller(page, 'probe-churn', FILLER_ROWS, method),
  };
}

const deleteDatabase = (page: Page, name: string) =>
  page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase(name);
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
        r.onblocked = () => reject(new Error('blocked'));
      }),
    name,
  );

const idbDeleteDatabaseCase: Case = {
  name: 'idb-deleteDatabase',
  // Targets in their own database ("one database per period"), controls in another one.
  write: async (page, targets, controls) => {
    await dexieWrite('probe-period-1')(page, targets, []);
    await dexieWrite('probe-period-2')(page, [], controls);
  },
  remove: (page) => deleteDatabase(page, 'probe-period-1'),
  writeMore: (page) => dexieFiller(page, 'probe-more', 64, null),
  churn: async (page) => {
    await dexieFiller(page, 'probe-period-3', FILLER_ROWS, null);
    await deleteDatabase(page, 'probe-period-3');
  },
};

/* ---------- Storage Buckets (each bucket has its own IndexedDB directory) ---------- */

const bucketWrite = (page: Page, bucket: string, markers: Marker[], fillerRows: number) =>
  page.evaluate(
    async ({ bucket, markers, fillerRows }) => {
      const b = await (navigator as any).storageBuckets.open(bucket);
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const r = b.indexedDB.open('vault', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('buyers');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const hexBytes = (h: string) => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)));
      const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (x) => x.toString(16).padStart(2, '0')).join('');
      const put = (entries: [string, unknown][]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('buyers', 'readwrite');
          for (const [k, v] of entries) tx.objectStore('buyers').put(v, k);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      await put(markers.map((m, i) => [`r-${i}`, { name: `Buyer ${m.ascii}`, line1: `${m.wide} 猫`, sealed: hexBytes(m.raw) }]));
      for (let s = 0; s < fillerRows; s += 128) await put(Array.from({ length: Math.min(128, fillerRows - s) }, (_, k) => [`f-${s + k}`, hex(8192)]));
      db.close();
    },
    { bucket, markers, fillerRows },
  );

const bucketDelete = (page: Page, bucket: string) => page.evaluate((bucket) => (navigator as any).storageBuckets.delete(bucket), bucket);

const storageBucketCase: Case = {
  name: 'idb-storageBucket-delete',
  write: async (page, targets, controls) => {
    await bucketWrite(page, 'period-1', targets, 0);
    await bucketWrite(page, 'period-2', controls, 0);
  },
  remove: (page) => bucketDelete(page, 'period-1'),
  writeMore: (page) => bucketWrite(page, 'period-more', [], 64),
  churn: async (page) => {
    await bucketWrite(page, 'period-3', [], FILLER_ROWS);
    await bucketDelete(page, 'period-3');
  },
};

/* ---------- OPFS ---------- */

const opfsText = (m: { ascii: string; wide: string; raw: string }) => `${m.ascii} ${m.wide} ${m.raw}\n`.repeat(4);

const opfsMain = {
  write: (page: Page, files: [string, string][]) =>
    page.evaluate(async (files) => {
      const root = await navigator.storage.getDirectory();
      for (const [name, text] of files) {
        const w = await (await root.getFileHandle(name, { create: true })).createWritable();
        await w.write(text);
        await w.close();
      }
    }, files),
  remove: (page: Page, names: string[]) =>
    page.evaluate(async (names) => {
      const root = await navigator.storage.getDirectory();
      for (const name of names) await ((await root.getFileHandle(name)) as any).remove();
    }, names),
};

const opfsWorker = {
  run: (page: Page, msgs: { op: string; name: string; text?: string }[]) =>
    page.evaluate(async (msgs) => {
      const w = new Worker('probe-worker.js');
      for (const msg of msgs) {
        const res: any = await new Promise((resolve) => {
          w.onmessage = (e) => resolve(e.data);
          w.postMessage(msg);
        });
        if (!res.ok) throw new Error(res.error);
      }
      w.terminate();
    }, msgs),
};

const fillerText = async (page: Page, bytes: number) =>
  page.evaluate((n) => {
    const parts: string[] = [];
    for (let done = 0; done < n; done += 8192) {
      parts.push(Array.from(crypto.getRandomValues(new Uint8Array(4096)), (b) => b.toString(16).padStart(2, '0')).join(''));
    }
    return parts.join('').slice(0, n);
  }, bytes);

function opfsCase(via: 'main-remove' | 'worker-syncHandle-removeEntry'): Case {
  const targetsNames = Array.from({ length: ROWS }, (_, i) => `target-${i}.bin`);
  return {
    name: `opfs-${via}`,
    write: async (page, targets, controls) => {
      const files: [string, string][] = [
        ...targets.map((m, i): [string, string] => [`target-${i}.bin`, opfsText(m)]),
        ...controls.map((m, i): [string, string] => [`control-${i}.bin`, opfsText(m)]),
      ];
      if (via === 'main-remove') await opfsMain.write(page, files);
      else
        await opfsWorker.run(
          page,
          files.map(([name, text]) => ({ op: 'write', name, text })),
        );
    },
    remove: async (page) => {
      if (via === 'main-remove') await opfsMain.remove(page, targetsNames);
      else
        await opfsWorker.run(
          page,
          targetsNames.map((name) => ({ op: 'remove', name })),
        );
    },
    writeMore: async (page) => {
      const text = await fillerText(page, 64 * 1024);
      await opfsMain.write(page, [['more.bin', text]]);
    },
    churn: async (page) => {
      const names = Array.from({ length: FILLER_MB }, (_, i) => `churn-${i}.bin`);
      for (const name of names) {
        const text = await fillerText(page, 1 << 20);
        if (via === 'main-remove') await opfsMain.write(page, [[name, text]]);
        else await opfsWorker.run(page, [{ op: 'write', name, text }]);
      }
      if (via === 'main-remove') await opfsMain.remove(page, names);
      else
        await opfsWorker.run(
          page,
          names.map((name) => ({ op: 'remove', name })),
        );
    },
  };
}

/* ---------- chrome.storage.local ---------- */

const storageLocalCase: Case = {
  name: 'storage-local-remove',
  write: (page, targets, controls) =>
    page.evaluate(
      async ({ targets, controls }) => {
        const v = (m: { ascii: string; wide: string; raw: string }) => ({ name: `Buyer ${m.ascii}`, line1: `${m.wide} 猫`, sealed: m.raw });
        const items: Record<string, unknown> = {};
        targets.forEach((m, i) => (items[`target-${i}`] = v(m)));
        controls.forEach((m, i) => (items[`control-${i}`] = v(m)));
        await chrome.storage.local.set(items);
      },
      { targets, controls },
    ),
  remove: (page) => page.evaluate((rows) => chrome.storage.local.remove(Array.from({ length: rows }, (_, i) => `target-${i}`)), ROWS),
  writeMore: (page) =>
    page.evaluate(async () => {
      const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');
      const items: Record<string, string> = {};
      for (let i = 0; i < 64; i++) items[`more-${i}`] = hex(8192);
      await chrome.storage.local.set(items);
    }),
  churn: (page) =>
    page.evaluate(async (rows) => {
      const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');
      const keys: string[] = [];
      for (let s = 0; s < rows; s += 128) {
        const items: Record<string, string> = {};
        for (let k = s; k < Math.min(rows, s + 128); k++) {
          items[`churn-${k}`] = hex(8192);
          keys.push(`churn-${k}`);
        }
        await chrome.storage.local.set(items);
      }
      await chrome.storage.local.remove(keys);
    }, FILLER_ROWS),
};

const CASES: Case[] = [
  dexieRowsCase('bulkDelete'),
  dexieRowsCase('clear'),
  idbDeleteDatabaseCase,
  storageBucketCase,
  opfsCase('main-remove'),
  opfsCase('worker-syncHandle-removeEntry'),
  storageLocalCase,
];

const ONLY = process.env.SV_PROBE_CASES?.split(',');
const OUT = path.resolve('bench/deletion-probe-results.json');

for (const c of CASES.filter((x) => !ONLY || ONLY.includes(x.name))) {
  test(`deletion probe: ${c.name}`, async () => {
    const all: Record<string, unknown>[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const extDir = probeExtension();
      const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-probe-profile-'));
      const targets = Array.from({ length: ROWS }, newMarker);
      const controls = Array.from({ length: ROWS }, newMarker);
      const steps: Record<string, ScanResult> = {};
      const record = (step: string) => {
        steps[step] = scan(profileDir, targets, controls);
        const s = steps[step]!;
        console.log(`${c.name} run ${run} ${step.padEnd(3)} deleted ${s.targetsFound}/${ROWS} control ${s.controlFound}/${ROWS} in [${s.whereDetail.join(', ')}]`);
      };
      try {
        let { context, page } = await launch(profileDir, extDir);
        await c.write(page, targets, controls);
        record('W');
        await c.remove(page);
        record('a');
        await context.close();
        record('b');
        ({ context, page } = await launch(profileDir, extDir));
        await c.writeMore(page);
        await page.waitForTimeout(1000);
        record('c');
        await c.churn(page);
        await page.close();
        await new Promise((r) => setTimeout(r, 3000));
        record('d');
        await context.close();
        record("d'");
        ({ context, page } = await launch(profileDir, extDir));
        await page.close();
        await new Promise((r) => setTimeout(r, 5000));
        await context.close();
        record('e');
      } finally {
        const sizeMb = allFiles(profileDir).reduce((n, f) => n + fs.statSync(f).size, 0) / 1e6;
        console.log(`${c.name} run ${run}: profile ${sizeMb.toFixed(1)} MB`);
        all.push({ case: c.name, run, steps });
        fs.rmSync(profileDir, { recursive: true, force: true });
        fs.rmSync(extDir, { recursive: true, force: true });
      }
    }
    const prev = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, 'utf8')) : {};
    prev[c.name] = all;
    fs.writeFileSync(OUT, `${JSON.stringify(prev, null, 1)}\n`);
  });
}

/** One 1 MB filler step into a Dexie database (kept, never deleted). */
function dexieFillStep(dbName: string) {
  return (page: Page, step: number) =>
    page.evaluate(
      async ([name, step]) => {
        const D = (globalThis as any).Dexie;
        const db = new D(name);
        db.version(1).stores({ buyers: 'orderSn', filler: 'id' });
        const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');
        await db.filler.bulkPut(Array.from({ length: 128 }, (_, k) => ({ id: (step as number) * 128 + k, v: hex(8192) })));
        db.close();
      },
      [dbName, step] as const,
    );
}

/**
 * Compaction threshold: after the delete (browser kept open), write 1 MB steps of filler that is
 * NOT deleted and scan after each step; the first step at which no deleted marker is left.
 */
const SWEEPS: { name: string; base: Case; fillStep: (page: Page, step: number) => Promise<void> }[] = [
  {
    name: 'sweep-idb-bulkDelete',
    base: dexieRowsCase('bulkDelete'),
    fillStep: dexieFillStep('probe-vault'),
  },
  {
    name: 'sweep-idb-deleteDatabase',
    base: idbDeleteDatabaseCase,
    fillStep: dexieFillStep('probe-period-2'),
  },
  {
    name: 'sweep-storage-local',
    base: storageLocalCase,
    fillStep: (page, step) =>
      page.evaluate(async (step) => {
        const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');
        const items: Record<string, string> = {};
        for (let k = 0; k < 128; k++) items[`fill-${step}-${k}`] = hex(8192);
        await chrome.storage.local.set(items);
      }, step),
  },
];

for (const sw of SWEEPS.filter((x) => !ONLY || ONLY.includes(x.name))) {
  test(`deletion probe: ${sw.name}`, async () => {
    const all: Record<string, unknown>[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const extDir = probeExtension();
      const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-probe-profile-'));
      const targets = Array.from({ length: ROWS }, newMarker);
      const controls = Array.from({ length: ROWS }, newMarker);
      const steps: { mb: number; targetsFound: number; controlFound: number; where: string[] }[] = [];
      try {
        const { context, page } = await launch(profileDir, extDir);
        await sw.base.write(page, targets, controls);
        await sw.base.remove(page);
        for (let mb = 1; mb <= 24; mb++) {
          await sw.fillStep(page, mb);
          await page.waitForTimeout(300);
          const s = scan(profileDir, targets, controls);
          steps.push({ mb, targetsFound: s.targetsFound, controlFound: s.controlFound, where: s.where });
          console.log(`${sw.name} run ${run} +${mb} MB: deleted ${s.targetsFound}/${ROWS} control ${s.controlFound}/${ROWS} in [${s.where.join(', ')}]`);
          if (s.targetsFound === 0) break;
        }
        await context.close();
      } finally {
        all.push({ case: sw.name, run, steps });
        fs.rmSync(profileDir, { recursive: true, force: true });
        fs.rmSync(extDir, { recursive: true, force: true });
      }
    }
    const prev = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, 'utf8')) : {};
    prev[sw.name] = all;
    fs.writeFileSync(OUT, `${JSON.stringify(prev, null, 1)}\n`);
  });
}
