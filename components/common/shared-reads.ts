import type { RequestInputOf, ResponseOf } from '../../utils/messaging/define-message';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { watchRevision } from '../../utils/page-sync/revision-adapter';
import type { Protocol } from '../../utils/protocol';

type Req<K extends keyof Protocol> = RequestInputOf<Protocol[K]>;
type Res<K extends keyof Protocol> = ResponseOf<Protocol[K]>;

/**
 * A page's reads of background state, shared (issue 11 item 4: popup navigation → first order
 * row). Two things the popup start-up lost time on:
 * - the same read asked by several components at once (vault/status, consent/list and
 *   settings/get were each sent three times on every popup open): one request in flight per read;
 * - reads that could start before React is even loaded: `prefetchRead` sends them from the
 *   page's entry, while the page's modules load, and the first component that asks takes the reply.
 *
 * Only read messages go through here. A reply is shared only while its request is in flight, or,
 * for a prefetch, until its first reader takes it. Any background write (session `revision` bump)
 * drops everything held: a reader after the write always sends a fresh request.
 */
const inFlight = new Map<string, Promise<unknown>>();
const prefetched = new Map<string, Promise<unknown>>();
/** Replies of prefetches that have arrived (a component's first render can show them at once). */
const arrived = new Map<string, { value: unknown }>();
let stopWatching: (() => void) | null = null;

/** One key per request: type and data with object keys sorted (callers build data in any order). */
export function readKey(type: string, data: unknown): string {
  return `${type} ${JSON.stringify(data, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value))}`;
}

/**
 * Registered with the first request, so before any later listener: the maps are empty before a
 * component's own re-read on the same bump runs (React renders after the event's listeners).
 */
function watchWrites(): void {
  if (stopWatching) return;
  stopWatching = watchRevision(() => {
    inFlight.clear();
    prefetched.clear();
    arrived.clear();
  });
}

function send<K extends keyof Protocol>(key: string, type: K, data: Req<K>): Promise<Res<K>> {
  watchWrites();
  const request = sendMessage(type, data);
  inFlight.set(key, request);
  const settle = () => {
    if (inFlight.get(key) === request) inFlight.delete(key);
  };
  request.then(settle, settle);
  return request;
}

/** Sends a read now (from a page's entry, before React); the first `sharedRead` of it takes the reply. */
export function prefetchRead<K extends keyof Protocol>(type: K, data: Req<K>): void {
  const key = readKey(type, data);
  if (prefetched.has(key)) return;
  const request = send(key, type, data);
  // An unread prefetch that fails is not an unhandled rejection; its reader sees the failure.
  request.then(
    (value) => {
      if (prefetched.get(key) === request) arrived.set(key, { value });
    },
    () => undefined,
  );
  prefetched.set(key, request);
}

/**
 * The reply of a prefetch that has already arrived and is not taken yet, else undefined: a
 * component's state initializer shows it in the first render instead of a loading state
 * followed by a second render. Does not take it (the component's `sharedRead` does).
 */
export function arrivedReply<K extends keyof Protocol>(type: K, data: Req<K>): { value: Res<K> } | undefined {
  const key = readKey(type, data);
  return prefetched.has(key) ? (arrived.get(key) as { value: Res<K> } | undefined) : undefined;
}

/** The reply to a read: a prefetched one (taken once), the one in flight, or a new request. */
export function sharedRead<K extends keyof Protocol>(type: K, data: Req<K>): Promise<Res<K>> {
  const key = readKey(type, data);
  const early = prefetched.get(key);
  if (early) {
    prefetched.delete(key);
    arrived.delete(key);
    // The components of one render ask in the same task (their effects run together): they all
    // get this reply, which may have settled long before React mounted.
    inFlight.set(key, early);
    setTimeout(() => {
      if (inFlight.get(key) === early) inFlight.delete(key);
    }, 0);
    return early as Promise<Res<K>>;
  }
  return (inFlight.get(key) as Promise<Res<K>> | undefined) ?? send(key, type, data);
}
