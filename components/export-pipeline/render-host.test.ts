import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { FontProvider } from '../../utils/export/fonts';
import type { ShipmentLabel } from '../../utils/export/shipment-label';
import { label } from '../../tests/support/label-test-data';
import type { RenderRequest, RenderWorkerMessage, RenderWorkerReply } from './export-render-protocol';
import { createRenderHost, type RenderHostDeps, type RenderPort } from './render-host';

const FONTS: FontProvider = { manifest: { version: 1, fonts: [{ file: 'a.woff', family: 'A', ranges: [[0, 0x7f]] }] }, load: async () => new Uint8Array() };

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A host whose render takes until the test releases it, recording what ran and how many at once. */
function hostWithControlledRenders(overrides: Partial<RenderHostDeps> = {}) {
  const log: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const releases: (() => void)[] = [];
  let fontLoads = 0;
  const deps: RenderHostDeps = {
    loadFonts: async () => {
      fontLoads += 1;
      return FONTS;
    },
    warm: async () => undefined,
    rememberBarcodes: () => undefined,
    knowsBarcode: () => false,
    render: async (format, labels) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      log.push(`start ${format} ${labels.map((l) => l.orderSn).join(',')}`);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      log.push(`end ${format}`);
      return { fileName: `${format}.pdf`, mimeType: 'application/pdf', bytes: new Uint8Array([labels.length]) };
    },
    sampleLabels: (orderSns) => orderSns.map((orderSn) => label({ orderSn, shopId: 'sample' })),
    now: () => 1,
    ...overrides,
  };
  const release = async () => {
    while (releases.length === 0) await tick();
    releases.shift()!();
    await tick();
  };
  return { host: createRenderHost(deps), log, release, stats: () => ({ mostAtOnce, fontLoads }) };
}

/** A MessageChannel: the host gets one end, the test reads the other (structured clone, transfer, as in the browser). */
function channel(host: { connect(port: RenderPort): void }) {
  const { port1, port2 } = new MessageChannel();
  const replies: RenderWorkerReply[] = [];
  port2.onmessage = (event: MessageEvent<RenderWorkerReply>) => replies.push(event.data);
  host.connect(port1 as unknown as RenderPort);
  return { send: (message: RenderWorkerMessage) => port2.postMessage(message), replies, close: () => port2.close() };
}

const request = (format: RenderRequest['format'], orderSn: string): RenderRequest => ({
  format,
  labels: [label({ orderSn })],
  options: { now: 1 },
  fontsUrl: 'chrome-extension://x/fonts/',
});

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await tick();
  expect(check()).toBe(true);
}

describe('render host (the shared PDF render worker)', () => {
  it('serves two pages over their own ports, one render at a time, each reply to the page that asked', async () => {
    const { host, log, release, stats } = hostWithControlledRenders();
    const popup = channel(host);
    const tab = channel(host);
    await until(() => popup.replies.length === 1 && tab.replies.length === 1);
    expect(popup.replies[0]).toEqual({ kind: 'ready' });
    expect(tab.replies[0]).toEqual({ kind: 'ready' });

    popup.send({ kind: 'warm', fontsUrl: 'chrome-extension://x/fonts/', orderSns: ['PO-1'] });
    tab.send({ kind: 'render', request: request('pdf-4x6', 'PO-1') });
    await until(() => log.length === 1);
    popup.send({ kind: 'render', request: request('pdf-a4', 'PO-2') });
    for (let i = 0; i < 5; i++) await tick();
    // The second render waits for the first.
    expect(log).toEqual(['start pdf-4x6 PO-1']);
    await release();
    await release();
    await until(() => tab.replies.length === 2 && popup.replies.length === 3);
    expect(log).toEqual(['start pdf-4x6 PO-1', 'end pdf-4x6', 'start pdf-a4 PO-2', 'end pdf-a4']);
    expect(tab.replies[1]).toMatchObject({ kind: 'rendered', reply: { ok: true, file: { fileName: 'pdf-4x6.pdf' } } });
    expect(popup.replies[1]).toEqual({ kind: 'barcodes-missing', orderSns: ['PO-1'] });
    expect(popup.replies[2]).toMatchObject({ kind: 'rendered', reply: { ok: true, file: { fileName: 'pdf-a4.pdf' } } });
    expect(stats()).toEqual({ mostAtOnce: 1, fontLoads: 1 });
    popup.close();
    tab.close();
  });

  const SYMBOL = { modules: 2, bars: [{ start: 0, width: 1 }] };
  it('answers warm with the order numbers whose barcodes it does not hold: none once another page handed them over', async () => {
    const held = new Set<string>();
    const { host } = hostWithControlledRenders({
      rememberBarcodes: (symbols) => {
        for (const [sn] of symbols) held.add(sn);
      },
      knowsBarcode: (sn) => held.has(sn),
    });
    const popup = channel(host);
    popup.send({ kind: 'rehearse', format: 'pdf-4x6', fontsUrl: 'f/', orderSns: ['PO-1'], symbols: [['PO-1', SYMBOL]] });
    popup.send({ kind: 'barcodes', symbols: [['PO-2', SYMBOL]] });
    const tab = channel(host);
    tab.send({ kind: 'warm', fontsUrl: 'f/', orderSns: ['PO-1', 'PO-2', 'PO-3'] });
    await until(() => tab.replies.length === 2);
    expect(tab.replies[1]).toEqual({ kind: 'barcodes-missing', orderSns: ['PO-3'] });
    popup.send({ kind: 'barcodes', symbols: [['PO-3', SYMBOL]] });
    const later = channel(host);
    later.send({ kind: 'warm', fontsUrl: 'f/', orderSns: ['PO-3', 'PO-1'] });
    await until(() => later.replies.length === 2);
    expect(later.replies[1]).toEqual({ kind: 'barcodes-missing', orderSns: [] });
    for (const c of [popup, tab, later]) c.close();
  });

  it('rehearses with sample labels when idle, and never delays a real render with a rehearsal', async () => {
    const { host, log, release } = hostWithControlledRenders();
    const popup = channel(host);
    popup.send({ kind: 'rehearse', format: 'pdf-4x6', fontsUrl: 'f/', orderSns: ['PO-9', 'PO-8'], symbols: [] });
    await until(() => log.length === 1);
    expect(log).toEqual(['start pdf-4x6 PO-9,PO-8']);
    await release();

    // A real render under way: a rehearsal asked meanwhile is dropped, not queued behind it.
    const tab = channel(host);
    tab.send({ kind: 'render', request: request('pdf-4x6', 'PO-1') });
    await until(() => log.length === 3);
    popup.send({ kind: 'rehearse', format: 'pdf-4x6', fontsUrl: 'f/', orderSns: ['PO-7'], symbols: [] });
    for (let i = 0; i < 5; i++) await tick();
    await release();
    await until(() => tab.replies.length === 2);
    for (let i = 0; i < 5; i++) await tick();
    expect(log).toEqual(['start pdf-4x6 PO-9,PO-8', 'end pdf-4x6', 'start pdf-4x6 PO-1', 'end pdf-4x6']);
    // The rehearsal answers nothing.
    expect(popup.replies).toEqual([{ kind: 'ready' }]);
    popup.close();
    tab.close();
  });

  it('answers a failed font load with its message, and loads the fonts again for the next render', async () => {
    let attempts = 0;
    const { host, release } = hostWithControlledRenders({
      loadFonts: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Font file not found: manifest.json (404)');
        return FONTS;
      },
    });
    const tab = channel(host);
    tab.send({ kind: 'render', request: request('pdf-4x6', 'PO-1') });
    await until(() => tab.replies.length === 2);
    expect(tab.replies[1]).toEqual({ kind: 'rendered', reply: { ok: false, message: 'Font file not found: manifest.json (404)' } });
    tab.send({ kind: 'render', request: request('pdf-4x6', 'PO-1') });
    await release();
    await until(() => tab.replies.length === 3);
    expect(tab.replies[2]).toMatchObject({ kind: 'rendered', reply: { ok: true } });
    expect(attempts).toBe(2);
    tab.close();
  });

  it('makes no CSV or ZPL', async () => {
    const { host } = hostWithControlledRenders();
    const tab = channel(host);
    tab.send({ kind: 'render', request: request('zpl', 'PO-1') });
    await until(() => tab.replies.length === 2);
    expect(tab.replies[1]).toEqual({ kind: 'rendered', reply: { ok: false, message: 'zpl is made on the page, not in the render worker' } });
    tab.close();
  });

  it('keeps nothing of a render after its reply: the labels can be collected, the bytes are transferred', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const host = createRenderHost({
      loadFonts: async () => FONTS,
      warm: async () => undefined,
      rememberBarcodes: () => undefined,
      knowsBarcode: () => false,
      render: async (format, labels) => ({ fileName: `${format}.pdf`, mimeType: 'application/pdf', bytes: new Uint8Array(labels.length) }),
      sampleLabels: () => [],
      now: () => 1,
    });
    // A port that hands the very objects over (no structured clone), so a reference the host kept would keep them alive.
    const replies: { message: RenderWorkerReply; transfer: Transferable[] | undefined }[] = [];
    const port: RenderPort = { onmessage: null, postMessage: (message, transfer) => replies.push({ message, transfer }) };
    host.connect(port);
    const sent = (() => {
      const labels: ShipmentLabel[] = [label({ orderSn: 'PO-1' }), label({ orderSn: 'PO-2' })];
      port.onmessage!({ data: { kind: 'render', request: { format: 'pdf-4x6', labels, options: { now: 1 }, fontsUrl: 'f/' } } });
      return new WeakRef(labels);
    })();
    await until(() => replies.length === 2);
    const rendered = replies[1]!;
    expect(rendered.message).toMatchObject({ kind: 'rendered', reply: { ok: true } });
    const file = (rendered.message as Extract<RenderWorkerReply, { kind: 'rendered' }>).reply;
    expect(rendered.transfer).toEqual([(file as { file: { bytes: Uint8Array } }).file.bytes.buffer]);
    for (let i = 0; i < 3; i++) await tick();
    gc();
    await tick();
    gc();
    expect(sent.deref()).toBeUndefined();
  });
});
