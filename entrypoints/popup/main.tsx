import '../../components/base.css';
import { prefetchRead } from '../../components/common/shared-reads';
import { applyUiLanguage } from '../../components/common/ui-language-adapter';
import { prefetchFirstView } from '../../components/order-list/order-list-reads';

// Issue 11 item 4 (popup navigation → first order row): this entry is small and loads no React.
// The reads the first screen waits on leave now, while React and the popup's components load
// (render-popup.tsx, imported below); the components take the replies (shared-reads.ts).
prefetchFirstView();
prefetchRead('vault/status', {});
prefetchRead('consent/list', {});
prefetchRead('settings/get', {});

// The language (browser's or the seller's choice, issue 15) is settled before the first render.
void Promise.all([import('./render-popup'), applyUiLanguage()]).then(([{ renderPopup }]) => renderPopup(document.getElementById('root')!));
