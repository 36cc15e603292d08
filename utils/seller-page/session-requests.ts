import type { PageBuiltins } from './page-builtins';
import { MAX_SESSION_ANSWER_CHARS, SESSION_PATHS, type SessionRequestCommand } from './page-bridge';

/**
 * MAIN world (bulk fetch, issue 12): makes one of the two requests the seller center makes when
 * the seller clicks "view address", with the seller's session (same-origin cookies) and the shop's
 * `mallid` header, and hands the raw answer back over the bridge port. Decides nothing: the
 * isolated side paces, reads the answer and stops.
 *
 * Hostile page: only built-ins saved at document_start are called. The Request is built from
 * null-prototype option bags, so a page script that planted `Object.prototype.signal`, `mode`,
 * `headers`… cannot reach into it; the body is written by the saved JSON.stringify from a
 * null-prototype object (no `toJSON` lookup). The page's own fetch wrappers never see the request
 * (the saved native fetch is called), so nothing adds — or forges — a request signature: a build
 * that wants one answers 403 and the batch stops.
 */
export function makeSessionRequest(win: { location: Location }, b: PageBuiltins, command: SessionRequestCommand, reply: (status: number, text: string | null) => void): void {
  const fields =
    command.step === 'note' ? b.bag({ noteReasonType: command.reasonType, parentOrderSn: command.orderSn, noteSourceType: 2 }) : b.bag({ parent_order_sn: command.orderSn });
  let request: Request;
  try {
    const body = b.jsonStringify(fields);
    request = b.newRequest(
      // location.origin is unforgeable (a [LegacyUnforgeable] own property of the Location object).
      win.location.origin + SESSION_PATHS[command.step],
      b.bag({
        method: 'POST',
        headers: b.bag({ 'content-type': 'application/json;charset=UTF-8', mallid: command.mallId }),
        body,
        mode: 'same-origin',
        credentials: 'same-origin',
        cache: 'no-store',
        // A login redirect is not an answer: it ends as "no answer" instead of being followed.
        redirect: 'error',
      }),
    );
  } catch {
    reply(0, null);
    return;
  }
  b.promiseThen(
    b.fetch(win, [request]),
    (res) => {
      const status = b.responseStatus(res);
      b.promiseThen(
        b.responseText(res),
        (text) => reply(status, typeof text === 'string' && text.length <= MAX_SESSION_ANSWER_CHARS ? text : null),
        () => reply(status, null),
      );
    },
    () => reply(0, null),
  );
}
