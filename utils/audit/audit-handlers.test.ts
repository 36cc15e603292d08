import { describe, expect, it } from 'vitest';
import { ENVELOPE_TAG } from '../messaging/envelope';
import { createMessageRouter } from '../messaging/router';
import { makeDeps } from '../../tests/support/vault-test-support';
import { createAuditHandlers } from './audit-handlers';
import { auditMessages } from './audit-messages';

const identity = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
const contentScript = { id: 'ext-id', url: 'https://agentseller.temu.com/mmsos/orders.html', tab: { id: 3 } };

describe('audit messages through the router', () => {
  it('verifies the (empty) chain for extension pages and refuses content scripts', async () => {
    const route = createMessageRouter(auditMessages, createAuditHandlers(makeDeps()), identity);
    expect(await route({ tag: ENVELOPE_TAG, type: 'audit/verify', data: {} }, page)).toMatchObject({ ok: true, data: { ok: true, checked: 0 } });
    for (const type of Object.keys(auditMessages)) {
      expect(await route({ tag: ENVELOPE_TAG, type, data: {} }, contentScript), type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
