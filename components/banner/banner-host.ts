import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BANNER_CSS } from './banner-styles';

export interface BannerActions {
  onAuthorize: (shopId: string) => void;
  onDismiss: () => void;
}

/** The shadow host's tag (a valid custom-element name, so it may carry a shadow root). */
export const BANNER_HOST_TAG = 'seller-vault-banner';

/**
 * In-page offer to authorize capture for this shop (issue 3 part 7), written with plain DOM calls
 * (no React: this script loads on every seller-center page, issue 11). One banner at a time, at
 * the end of <body>, in a CLOSED shadow root: page scripts get no `shadowRoot` to reach the
 * buttons through, and our CSS and the page's do not cross (`:host { all: initial }`). Every string,
 * the shop id included, goes in as text (`textContent`), never as markup.
 */
export function createBannerHost(ctx: ContentScriptContext, actions: BannerActions) {
  let shown: string | null = null;
  let host: HTMLElement | null = null;

  function remove() {
    host?.remove();
    host = null;
  }

  function show(shopId: string) {
    remove();
    const el = document.createElement(BANNER_HOST_TAG);
    const shadow = el.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = `:host{all:initial !important;}\n${BANNER_CSS}`;

    const section = element('section', 'sv-banner');
    section.setAttribute('aria-label', i18n.t('capture.banner.label'));
    section.dataset.testid = 'sv-authorize-banner';
    const text = element('p', 'sv-banner__text');
    text.append(element('strong', '', i18n.t('extName')), element('span', '', i18n.t('capture.banner.notAuthorized', [shopId])));
    const buttons = element('div', 'sv-banner__actions');
    const authorize = button('sv-banner__primary', i18n.t('capture.banner.authorize'), () => actions.onAuthorize(shopId));
    const dismiss = button('sv-banner__dismiss', '×', actions.onDismiss);
    dismiss.setAttribute('aria-label', i18n.t('capture.banner.dismiss'));
    buttons.append(authorize, dismiss);
    section.append(text, buttons);
    // Keys typed while the banner has focus do not reach the page's shortcuts (as WXT's isolateEvents).
    for (const type of ['keydown', 'keyup', 'keypress']) section.addEventListener(type, (e) => e.stopPropagation());

    shadow.append(style, section);
    document.body.append(el);
    host = el;
  }

  ctx.onInvalidated(remove);

  return {
    set(shopId: string | null) {
      if (shopId === shown) return;
      shown = shopId;
      if (shopId === null) remove();
      else show(shopId);
    },
  };
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Only a person's click counts: a page script's `.click()` or dispatched event is not trusted
 * (`isTrusted` is set by the browser and cannot be forged), so the page can neither open
 * authorization tabs nor dismiss the offer.
 */
export function button(className: string, label: string, action: () => void): HTMLButtonElement {
  const b = element('button', className, label);
  b.type = 'button';
  b.addEventListener('click', (event) => {
    if (event.isTrusted !== true) return;
    action();
  });
  return b;
}
