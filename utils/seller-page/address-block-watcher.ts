import { findAddressBlock } from './dom-address';

/** Waits for the scan after the page changed: lets a "view address" click finish rendering. */
const DOM_SCAN_DELAY_MS = 400;

/** Runs `run` once the page has a body (content scripts start at document_start). */
export function onBody(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

/**
 * Re-reads the visible address block (text only) whenever the page changes it, e.g. after
 * "view address". `wanted` is asked on every change: the seller center moves between pages
 * without reloading, and nothing is read while the page is not an address page or not authorized.
 */
export function watchAddressBlock(ctx: { onInvalidated: (cb: () => void) => void }, wanted: () => boolean, found: (block: Element) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scan = () => {
    timer = undefined;
    // Not an address page, or not authorized: the DOM is not even read.
    if (!wanted()) return;
    const block = findAddressBlock(document);
    if (block) found(block);
  };
  const observer = new MutationObserver(() => {
    if (wanted()) timer ??= setTimeout(scan, DOM_SCAN_DELAY_MS);
  });
  onBody(() => {
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    scan();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
