import { z } from '../validation/zod';
import type { AuditActor } from '../db/records';
import type { MessageDef, RequestOf, ResponseOf } from './define-message';
import { ENVELOPE_TAG, MessageError, type ResponseEnvelope } from './envelope';
import { isStorageFailure } from './quota-error';

export const requestEnvelopeSchema = z.object({
  tag: z.literal(ENVELOPE_TAG),
  type: z.string().check(z.minLength(1), z.maxLength(64)),
  data: z.unknown(),
});

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface HandlerContext {
  actor: AuditActor;
  sender: SenderInfo;
}

export type ProtocolShape = Record<string, MessageDef>;

export type HandlerTable<P extends ProtocolShape> = {
  [K in keyof P]: (data: RequestOf<P[K]>, ctx: HandlerContext) => Promise<ResponseOf<P[K]>>;
};

export interface RouterIdentity {
  extensionId: string;
  /** e.g. "chrome-extension://<id>/" */
  extensionOrigin: string;
}

/** popup / print (export tab) by their page path; anything else on our origin counts as options. */
function actorForPage(url: string, origin: string): AuditActor {
  const path = url.slice(origin.length);
  if (path.startsWith('popup.html')) return 'popup';
  if (path.startsWith('print.html')) return 'print';
  return 'options';
}

export interface RouterHooks {
  /** A handler failed because storage is full or failing (the reply is `quota`). */
  onStorageFailure?: (ctx: HandlerContext) => void;
}

/** The `quota` reply; pages show their own localized text for the code (utils/messaging/reply.ts). */
export const STORAGE_FULL_MESSAGE = 'The browser has no more storage space for Seller Vault. Free disk space, then try again; nothing was changed.';

/**
 * The background's one dispatcher: unknown messages get `unhandled`, foreign senders `forbidden`,
 * bad payloads `invalid-request`; PII-capable (`page`) messages only from extension pages.
 */
export function createMessageRouter<P extends ProtocolShape>(protocol: P, handlers: HandlerTable<P>, identity: RouterIdentity, hooks: RouterHooks = {}) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<ResponseEnvelope> {
    const envelope = requestEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return fail('unhandled', 'Not a Seller Vault message');
    const { type, data } = envelope.data;
    if (!Object.hasOwn(protocol, type)) return fail('unhandled', `Unknown message ${type}`);
    if (sender.id !== identity.extensionId) return fail('forbidden', 'Sender is not this extension');

    const def = protocol[type]!;
    const fromPage = typeof sender.url === 'string' && sender.url.startsWith(identity.extensionOrigin);
    if (def.audience === 'page' && !fromPage) return fail('forbidden', `${type} is only answered to extension pages`);

    const parsed = def.request.safeParse(data);
    if (!parsed.success)
      return fail(
        'invalid-request',
        `${type}: ${parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')
          .slice(0, 500)}`,
      );

    const ctx: HandlerContext = {
      actor: fromPage ? actorForPage(sender.url!, identity.extensionOrigin) : 'content',
      sender,
    };
    try {
      const handler = handlers[type as keyof P] as (d: unknown, c: HandlerContext) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (err) {
      if (err instanceof MessageError) return { ok: false, error: { code: err.code, message: err.message, retryAt: err.retryAt } };
      if (isStorageFailure(err)) {
        console.error(`[seller-vault] ${type} failed: storage full or failing`, err);
        hooks.onStorageFailure?.(ctx);
        return fail('quota', STORAGE_FULL_MESSAGE);
      }
      console.error(`[seller-vault] ${type} failed`, err);
      // Content scripts print replies in the page's console: never hand them raw error text,
      // which could one day carry captured data. Extension pages get the detail.
      if (ctx.actor === 'content') return fail('internal', `${type} failed; details are in the extension's service worker log`);
      return fail('internal', err instanceof Error ? err.message : String(err));
    }
  };
}

function fail(code: MessageError['code'], message: string): ResponseEnvelope {
  return { ok: false, error: { code, message } };
}
