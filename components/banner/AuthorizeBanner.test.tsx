// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { AuthorizeBanner } from './AuthorizeBanner';

const shadowUi = vi.hoisted(() => ({ options: [] as Record<string, unknown>[] }));
vi.mock('wxt/utils/content-script-ui/shadow-root', () => ({
  createShadowRootUi: async (_ctx: unknown, options: Record<string, unknown>) => {
    shadowUi.options.push(options);
    return { mount: () => undefined, remove: () => undefined };
  },
}));

afterEach(cleanup);
beforeEach(() => {
  (fakeBrowser.i18n as unknown as { getMessage: (key: string) => string }).getMessage = (key) => key;
});

/** A click as the browser delivers a person's click (happy-dom has no isTrusted; the browser sets it). */
function personClick(el: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

describe('authorize banner', () => {
  it("acts on a person's click only: a page script's click() or dispatched event opens nothing", () => {
    const onAuthorize = vi.fn();
    const onDismiss = vi.fn();
    const { getByTestId } = render(<AuthorizeBanner shopId="634418212" onAuthorize={onAuthorize} onDismiss={onDismiss} />);
    const [authorize, dismiss] = [...getByTestId('sv-authorize-banner').querySelectorAll('button')];
    for (let i = 0; i < 50; i++) {
      authorize!.click();
      authorize!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    dismiss!.click();
    expect(onAuthorize).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();

    personClick(authorize!);
    expect(onAuthorize).toHaveBeenCalledTimes(1); // one authorization tab per click
    personClick(dismiss!);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('is mounted in a closed shadow root', async () => {
    const { createBannerHost } = await import('./banner-host');
    const host = createBannerHost({} as ContentScriptContext, { onAuthorize: vi.fn(), onDismiss: vi.fn() });
    host.set('634418212');
    await vi.waitFor(() => expect(shadowUi.options).toHaveLength(1));
    expect(shadowUi.options[0]).toMatchObject({ mode: 'closed', isolateEvents: true });
  });
});
