import { describe, expect, it, vi } from 'vitest';
import { z } from '../validation/zod';
import { defineMessage } from './define-message';
import { ENVELOPE_TAG, MessageError } from './envelope';
import { createMessageRouter, type HandlerTable, type SenderInfo } from './router';

const ORIGIN = 'chrome-extension://abc/';
const protocol = {
  'test/content': defineMessage('content', z.object({ n: z.number().check(z.int()) })).returns<number>(),
  'test/pii': defineMessage('page', z.object({})).returns<string>(),
  'test/fail': defineMessage('content', z.object({})).returns<void>(),
  'test/quota': defineMessage('content', z.object({})).returns<void>(),
};
const calls: string[] = [];
const handlers: HandlerTable<typeof protocol> = {
  'test/content': async ({ n }, ctx) => {
    calls.push(`content:${ctx.actor}`);
    return n * 2;
  },
  'test/pii': async (_d, ctx) => {
    calls.push(`pii:${ctx.actor}`);
    return 'Jürgen Weiß';
  },
  'test/fail': async () => {
    throw new MessageError('locked', 'Vault is locked');
  },
  'test/quota': async () => {
    throw Object.assign(new Error('AbortError'), { inner: { name: 'QuotaExceededError', message: 'full' } });
  },
};
const route = createMessageRouter(protocol, handlers, { extensionId: 'abc', extensionOrigin: ORIGIN });
const msg = (type: string, data: unknown = {}) => ({ tag: ENVELOPE_TAG, type, data });
const contentScript: SenderInfo = { id: 'abc', url: 'https://agentseller.temu.com/mmsos/orders.html', tab: { id: 3 } };
const popup: SenderInfo = { id: 'abc', url: `${ORIGIN}popup.html` };
const options: SenderInfo = { id: 'abc', url: `${ORIGIN}options.html#authorize` };

describe('message router', () => {
  it('answers our own content scripts and pages, naming the actor', async () => {
    calls.length = 0;
    expect(await route(msg('test/content', { n: 21 }), contentScript)).toEqual({ ok: true, data: 42 });
    expect(await route(msg('test/content', { n: 1 }), popup)).toEqual({ ok: true, data: 2 });
    expect(await route(msg('test/pii'), options)).toEqual({ ok: true, data: 'Jürgen Weiß' });
    expect(calls).toEqual(['content:content', 'content:popup', 'pii:options']);
  });

  it('refuses senders from another extension or a web page', async () => {
    calls.length = 0;
    const foreign = await route(msg('test/content', { n: 1 }), { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route(msg('test/content', { n: 1 }), { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('never answers a page-only (PII) message to a content script', async () => {
    calls.length = 0;
    const r = await route(msg('test/pii'), contentScript);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(r)).not.toContain('Jürgen');
    // A look-alike URL on another origin is not an extension page.
    expect(await route(msg('test/pii'), { id: 'abc', url: 'https://agentseller.temu.com/chrome-extension://abc/popup.html' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toEqual([]);
  });

  it('answers invalid requests with invalid-request and does not call the handler', async () => {
    calls.length = 0;
    const r = await route(msg('test/content', { n: 'two' }), contentScript);
    // The field and what was wrong, in words (zod/mini has no texts of its own: utils/validation/zod.ts loads English).
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request', message: 'test/content: n: Invalid input: expected number, received string' } });
    expect(await route(msg('test/content', { n: 1.5 }), contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(calls).toEqual([]);
  });

  it('answers unknown types and foreign envelopes with unhandled, without guessing', async () => {
    expect(await route(msg('test/nope'), contentScript)).toMatchObject({ ok: false, error: { code: 'unhandled' } });
    expect(await route(msg('__proto__'), contentScript)).toMatchObject({ ok: false, error: { code: 'unhandled' } });
    expect(await route(msg('toString'), contentScript)).toMatchObject({ ok: false, error: { code: 'unhandled' } });
    expect(await route({ type: 'test/content', data: { n: 1 } }, contentScript)).toMatchObject({ ok: false, error: { code: 'unhandled' } });
    expect(await route('hello', contentScript)).toMatchObject({ ok: false, error: { code: 'unhandled' } });
  });

  it('passes handler error codes through and turns quota failures into a clear message', async () => {
    expect(await route(msg('test/fail'), popup)).toEqual({ ok: false, error: { code: 'locked', message: 'Vault is locked', retryAt: undefined } });
    const quota = await route(msg('test/quota'), popup);
    expect(quota).toMatchObject({ ok: false, error: { code: 'quota', message: expect.stringContaining('storage space') } });
  });

  it('logs unexpected errors as internal', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = createMessageRouter(
      protocol,
      {
        ...handlers,
        'test/fail': async () => {
          throw new TypeError('boom');
        },
      },
      { extensionId: 'abc', extensionOrigin: ORIGIN },
    );
    expect(await r(msg('test/fail'), popup)).toMatchObject({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('never hands raw error text to a content script (it prints replies in the page console)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const leaky = async () => {
      throw new TypeError('cannot read Jürgen Weiß, Straße des 17. Juni 135');
    };
    const r = createMessageRouter(protocol, { ...handlers, 'test/fail': leaky }, { extensionId: 'abc', extensionOrigin: ORIGIN });
    const reply = await r(msg('test/fail'), contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toMatch(/Jürgen|Straße/);
    spy.mockRestore();
  });

  it('names the export/print tab as its own actor', async () => {
    calls.length = 0;
    await route(msg('test/pii'), { id: 'abc', url: `${ORIGIN}print.html#orders=PO-1&format=pdf-4x6` });
    expect(calls).toEqual(['pii:print']);
  });
});
