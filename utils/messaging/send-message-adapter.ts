import { browser } from 'wxt/browser';
import type { MessageDef, RequestInputOf, ResponseOf } from './define-message';
import { ENVELOPE_TAG } from './envelope';
import { replyData } from './reply';
import type { Protocol } from '../protocol';

/**
 * A typed sender for one set of messages (types only: nothing of the set is bundled). Extension
 * pages send the whole protocol; the seller-center content script only the messages it sends
 * (utils/seller-page/content-messages.ts), so it never pulls in every concern's zod schemas.
 */
export function createSender<M extends Record<string, MessageDef>>() {
  /** Typed request to the background; throws MessageError with the background's code on failure. */
  return async function send<K extends keyof M & string>(type: K, data: RequestInputOf<M[K]>): Promise<ResponseOf<M[K]>> {
    return replyData<ResponseOf<M[K]>>(await browser.runtime.sendMessage({ tag: ENVELOPE_TAG, type, data }));
  };
}

/** Pages: any message of the protocol. */
export const sendMessage = createSender<Protocol>();
