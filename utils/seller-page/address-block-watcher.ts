import { findAddressBlock } from './dom-address';

/** Waits for the scan after the page changed: lets a "view address" click finish rendering. */
const DOM_SCAN_DELAY_MS = 400;

/** Runs `run` once the page has a body (content scripts start at document_start). */
export function onBody(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

/**
 * Re-reads part of the page (text only) whenever the page changes, debounced: the first change
 * schedules one scan `delayMs` later. `wanted` is asked on every change and scan: the seller
 * center moves between pages without reloading, and nothing is read while the page is not the
 * right page or capture is not allowed.
 */
export function watchPageDom(ctx: { onInvalidated: (cb: () => void) => void }, wanted: () => boolean, scan: () => void, delayMs: number): DomWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    // Not the right page, or not authorized: the DOM is not even read.
    if (wanted()) scan();
  };
  const poke = () => {
    if (wanted()) timer ??= setTimeout(run, delayMs);
  };
  const observer = new MutationObserver(poke);
  onBody(() => {
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    run();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  return { poke };
}

/** `poke`: schedule a scan without a DOM change (capture just became allowed, e.g. consent or shop known after the page rendered). */
export interface DomWatch {
  poke: () => void;
}

/** Re-reads the visible address block whenever the page changes it, e.g. after "view address". */
export function watchAddressBlock(ctx: { onInvalidated: (cb: () => void) => void }, wanted: () => boolean, found: (block: Element) => void): DomWatch {
  return watchPageDom(
    ctx,
    wanted,
    () => {
      const block = findAddressBlock(document);
      if (block) found(block);
    },
    DOM_SCAN_DELAY_MS,
  );
}
