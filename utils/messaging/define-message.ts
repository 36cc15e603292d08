import type { z } from 'zod';

/**
 * Who may send a message:
 * - `content`: the seller-center content script (and extension pages). Never answered with PII.
 * - `page`: extension pages only (popup, options, print view). Required for anything that reads PII.
 */
export type Audience = 'content' | 'page';

export interface MessageDef<Req extends z.ZodType = z.ZodType, Res = unknown> {
  audience: Audience;
  request: Req;
  /** Phantom: the reply type, checked at compile time on both ends. */
  readonly _response?: Res;
}

/** `defineMessage('page', schema).returns<Reply>()` — request checked by zod, reply by TypeScript. */
export function defineMessage<Req extends z.ZodType>(audience: Audience, request: Req) {
  return {
    returns<Res>(): MessageDef<Req, Res> {
      return { audience, request };
    },
  };
}
