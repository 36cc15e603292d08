// @vitest-environment happy-dom
import fs from 'node:fs';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BANNER_HOST_TAG, createBannerHost } from './banner-host';

/** The browser's getMessage over a locale file: `a.b.c` is stored as `a_b_c`, `$1` is the first substitution. */
function useLocale(file: string) {
  const messages = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') messages.set(prefix, node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}_${k}` : k);
  };
  walk(parse(fs.readFileSync(file, 'utf8')), '');
  (fakeBrowser.i18n as unknown as { getMessage: (key: string, subs?: string[]) => string }).getMessage = (key, subs = []) =>
    (messages.get(key) ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** A click as the browser delivers a person's click (happy-dom has no isTrusted; the browser sets it). */
function personClick(el: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

/** The content script's context: only invalidation matters to the banner. */
function fakeContext() {
  const onInvalidated: (() => void)[] = [];
  const ctx = { onInvalidated: (cb: () => void) => void onInvalidated.push(cb) } as unknown as ContentScriptContext;
  return { ctx, invalidate: () => onInvalidated.forEach((cb) => cb()) };
}

/** Shadow roots as attached (a closed root is not reachable from its host: the test keeps what attachShadow returned). */
const roots: { init: ShadowRootInit; root: ShadowRoot }[] = [];
beforeEach(() => {
  useLocale('locales/en.yml');
  roots.length = 0;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push({ init, root });
    return root;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const hosts = () => document.querySelectorAll(BANNER_HOST_TAG);
const banner = () => roots.at(-1)!.root.querySelector('[data-testid="sv-authorize-banner"]')!;
const buttons = () => [...banner().querySelectorAll('button')] as [HTMLButtonElement, HTMLButtonElement];

describe('authorize banner', () => {
  it('sits in a closed shadow root at the end of <body>, out of the page DOM', () => {
    document.body.append(document.createElement('main'));
    createBannerHost(fakeContext().ctx, { onAuthorize: vi.fn(), onDismiss: vi.fn() }).set('634418212');
    expect(hosts()).toHaveLength(1);
    expect(document.body.lastElementChild).toBe(hosts()[0]);
    expect(roots.map((r) => r.init.mode)).toEqual(['closed']);
    expect(hosts()[0]!.shadowRoot).toBeNull();
    expect(document.querySelector('[data-testid="sv-authorize-banner"]')).toBeNull();
    // Page CSS stops at the host (all: initial), the banner's own CSS stays inside.
    expect(roots[0]!.root.querySelector('style')!.textContent).toMatch(/^:host\{all:initial !important;\}[\s\S]*\.sv-banner \{/);
  });

  it('says who and what in English and in Chinese, with the shop id as text (never markup)', () => {
    const host = createBannerHost(fakeContext().ctx, { onAuthorize: vi.fn(), onDismiss: vi.fn() });
    host.set('634418212');
    expect(banner().getAttribute('aria-label')).toBe('Seller Vault capture');
    expect(banner().textContent).toBe('Seller Vault for TemuShop 634418212 is not authorized. Nothing is read from this page until you authorize it.Authorize this shop×');
    expect(buttons()[1].getAttribute('aria-label')).toBe('Hide this message');

    useLocale('locales/zh_CN.yml');
    const zh = createBannerHost(fakeContext().ctx, { onAuthorize: vi.fn(), onDismiss: vi.fn() });
    zh.set('<img src=x onerror=alert(1)>');
    expect(banner().textContent).toContain('店铺 <img src=x onerror=alert(1)> 尚未授权。');
    expect(buttons()[0].textContent).toBe('授权此店铺');
    expect(banner().querySelector('img')).toBeNull();
  });

  it("acts on a person's click only: a page script's click() or dispatched event opens nothing", () => {
    const onAuthorize = vi.fn();
    const onDismiss = vi.fn();
    createBannerHost(fakeContext().ctx, { onAuthorize, onDismiss }).set('634418212');
    const [authorize, dismiss] = buttons();
    for (let i = 0; i < 50; i++) {
      authorize.click();
      authorize.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    dismiss.click();
    expect(onAuthorize).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();

    personClick(authorize);
    expect(onAuthorize).toHaveBeenCalledTimes(1); // one authorization tab per click
    expect(onAuthorize).toHaveBeenCalledWith('634418212');
    personClick(dismiss);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('keeps keys typed in it from the page', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    createBannerHost(fakeContext().ctx, { onAuthorize: vi.fn(), onDismiss: vi.fn() }).set('634418212');
    buttons()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(pageKeys).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageKeys);
  });

  it('shows one banner at a time, for the current shop; hides on null and when the script is invalidated', () => {
    const { ctx, invalidate } = fakeContext();
    const host = createBannerHost(ctx, { onAuthorize: vi.fn(), onDismiss: vi.fn() });
    host.set('111');
    host.set('111');
    expect(roots).toHaveLength(1); // same shop: not rebuilt
    host.set('222');
    expect(hosts()).toHaveLength(1);
    expect(banner().textContent).toContain('Shop 222 ');
    host.set(null);
    expect(hosts()).toHaveLength(0);
    host.set('333');
    expect(hosts()).toHaveLength(1);
    invalidate();
    expect(hosts()).toHaveLength(0);
  });
});
