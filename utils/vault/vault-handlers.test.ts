import { describe, expect, it } from 'vitest';
import { ENVELOPE_TAG } from '../messaging/envelope';
import { vaultMessages } from './vault-messages';
import { createMessageRouter } from '../messaging/router';
import { createVaultHandlers } from './vault-handlers';
import { makeDeps } from '../../tests/support/vault-test-support';

const identity = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const contentScript = { id: 'ext-id', url: 'https://agentseller.temu.com/mmsos/orders.html', tab: { id: 3 } };

describe('vault messages through the router', () => {
  it('answers buyers/open and vault/* only to extension pages, never to content scripts', async () => {
    const route = createMessageRouter(vaultMessages, createVaultHandlers(makeDeps()), identity);
    for (const type of Object.keys(vaultMessages)) {
      const reply = await route({ tag: ENVELOPE_TAG, type, data: {} }, contentScript);
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('reports status, refuses reads while uninitialized/locked, and validates requests', async () => {
    const route = createMessageRouter(vaultMessages, createVaultHandlers(makeDeps()), identity);
    expect(await route({ tag: ENVELOPE_TAG, type: 'vault/status', data: {} }, page)).toMatchObject({
      ok: true,
      data: { state: 'uninitialized', setUp: false, sealedCount: 0, backoffUntil: null, autoLockMinutes: 15 },
    });
    expect(await route({ tag: ENVELOPE_TAG, type: 'buyers/open', data: { orderSns: ['PO-1'] } }, page)).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    const tooMany = Array.from({ length: 501 }, (_, i) => `PO-${i}`);
    expect(await route({ tag: ENVELOPE_TAG, type: 'buyers/open', data: { orderSns: tooMany } }, page)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await route({ tag: ENVELOPE_TAG, type: 'vault/reset', data: { confirm: 'yes' } }, page)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('checks a passkey unlock request: a 32-byte PRF output and a credential id, both lower-case hex', async () => {
    const route = createMessageRouter(vaultMessages, createVaultHandlers(makeDeps()), identity);
    const credentialId = 'ab'.repeat(16);
    for (const data of [
      { credentialId, prfOutput: 'ab'.repeat(31) },
      { credentialId, prfOutput: 'AB'.repeat(32) },
      { credentialId: 'abc', prfOutput: 'ab'.repeat(32) },
      { credentialId: 'ab'.repeat(1024), prfOutput: 'ab'.repeat(32) },
      { credentialId },
    ]) {
      expect(await route({ tag: ENVELOPE_TAG, type: 'vault/passkey-unlock', data }, page), JSON.stringify(data).slice(0, 80)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    // Well-formed, but there is no vault yet.
    expect(await route({ tag: ENVELOPE_TAG, type: 'vault/passkey-unlock', data: { credentialId, prfOutput: 'ab'.repeat(32) } }, page)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
