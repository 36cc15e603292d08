import { browser } from 'wxt/browser';
import type { RequestInputOf, ResponseOf } from './define-message';
import { ENVELOPE_TAG, MessageError, type ResponseEnvelope } from './envelope';
import type { Protocol } from '../protocol';

type Req<K extends keyof Protocol> = RequestInputOf<Protocol[K]>;
type Res<K extends keyof Protocol> = ResponseOf<Protocol[K]>;

/** Typed request to the background; throws MessageError with the background's code on failure. */
export async function sendMessage<K extends keyof Protocol>(type: K, data: Req<K>): Promise<Res<K>> {
  const reply = (await browser.runtime.sendMessage({ tag: ENVELOPE_TAG, type, data })) as ResponseEnvelope<Res<K>> | undefined;
  if (!reply) throw new MessageError('internal', 'The background did not answer');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message, reply.error.retryAt);
  return reply.data;
}
