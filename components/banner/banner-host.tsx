import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { AuthorizeBanner } from './AuthorizeBanner';
import { BANNER_CSS } from './banner-styles';

export interface BannerActions {
  onAuthorize: (shopId: string) => void;
  onDismiss: () => void;
}

/**
 * Shows/hides the authorize banner in a CLOSED shadow root at the end of <body> (one at a time):
 * page scripts get no `shadowRoot` to reach the buttons through (and their clicks would not be
 * trusted anyway, see AuthorizeBanner).
 */
export function createBannerHost(ctx: ContentScriptContext, actions: BannerActions) {
  let shown: string | null = null;
  let ui: Awaited<ReturnType<typeof createShadowRootUi<Root>>> | null = null;
  let version = 0;

  async function show(shopId: string) {
    const mine = ++version;
    ui?.remove();
    const next = await createShadowRootUi<Root>(ctx, {
      name: 'seller-vault-banner',
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: BANNER_CSS,
      isolateEvents: true,
      onMount(container) {
        const root = createRoot(container);
        root.render(<AuthorizeBanner shopId={shopId} onAuthorize={() => actions.onAuthorize(shopId)} onDismiss={actions.onDismiss} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    if (mine !== version) return; // a later show/hide won the race
    ui = next;
    ui.mount();
  }

  return {
    set(shopId: string | null) {
      if (shopId === shown) return;
      shown = shopId;
      if (shopId === null) {
        version++;
        ui?.remove();
        ui = null;
      } else {
        void show(shopId);
      }
    },
  };
}
