import { defineContentScript } from 'wxt/utils/define-content-script';
import { installCaptureHook } from '../utils/seller-page/capture-hook';
import { SELLER_CENTER_MATCH_PATTERNS } from '../utils/capture/seller-center-hosts';

/**
 * MAIN world, document_start: wraps the page's fetch/XHR before its own scripts run, to read the
 * order-list and address API answers (issue 3 part 6). Decides nothing; see capture-hook.ts.
 */
export default defineContentScript({
  matches: [...SELLER_CENTER_MATCH_PATTERNS],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installCaptureHook(window);
  },
});
