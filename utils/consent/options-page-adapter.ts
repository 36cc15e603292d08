import { browser } from 'wxt/browser';

/** Opens the options authorization screen pre-filled for a shop (banner → "Authorize this shop"). */
export async function openAuthorizationPage(shopId: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#authorize?shop=${encodeURIComponent(shopId)}`) });
}
