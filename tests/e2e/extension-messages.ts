import { expect, type Page } from '@playwright/test';

export type Reply<T = unknown> = { ok: boolean; data?: T; error?: { code: string; message: string } };

/** Sends one message through the real runtime channel from an extension page (the production path). */
export async function send<T = unknown>(page: Page, type: string, data: unknown): Promise<Reply<T>> {
  return page.evaluate(([t, d]) => chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: t, data: d }), [type, data] as const);
}

/** `send` that must succeed; returns the reply's data. */
export async function sendOk<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await send<T>(page, type, data);
  expect(reply, `${type}: ${JSON.stringify(reply)}`).toMatchObject({ ok: true });
  return reply.data as T;
}
