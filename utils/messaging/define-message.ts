import type { z } from '../validation/zod';

/**
 * Who may send a message:
 * - `content`: the seller-center content script (and extension pages). Never answered with PII.
 * - `page`: extension pages only (popup, options, print view). Required for anything that reads PII.
 */
export type Audience = 'content' | 'page';

export interface MessageDef<Req extends z.ZodMiniType = z.ZodMiniType, Res = unknown> {
  audience: Audience;
  request: Req;
  /** Phantom: the reply type, checked at compile time on both ends. */
  readonly _response?: Res;
}

/** The request a handler receives (after zod parsing and defaults). */
export type RequestOf<D> = D extends MessageDef<infer Q, unknown> ? z.infer<Q> : never;
/** The request a sender may write (before defaults). */
export type RequestInputOf<D> = D extends MessageDef<infer Q, unknown> ? z.input<Q> : never;
/** The reply type. */
export type ResponseOf<D> = D extends MessageDef<z.ZodMiniType, infer R> ? R : never;

/** `defineMessage('page', schema).returns<Reply>()` — request checked by zod, reply by TypeScript. */
export function defineMessage<Req extends z.ZodMiniType>(audience: Audience, request: Req) {
  return {
    returns<Res>(): MessageDef<Req, Res> {
      return { audience, request };
    },
  };
}
