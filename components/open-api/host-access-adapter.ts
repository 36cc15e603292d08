import { browser } from 'wxt/browser';
import { hostPermissionOf, type OpenApiRegion } from '../../utils/open-api/open-api-regions';

/**
 * Asks the seller for the region's Open API host (an optional permission: the default install does
 * not hold it). Must run inside the click that asked for it: browsers want a user gesture.
 * Resolves at once, without a prompt, when the seller already allowed that host.
 */
export function requestHostAccess(region: OpenApiRegion): Promise<boolean> {
  return browser.permissions.request({ origins: [hostPermissionOf(region)] });
}

/** Gives the host back (a test connection that was not followed by connect). */
export async function releaseHostAccess(region: OpenApiRegion): Promise<void> {
  await browser.permissions.remove({ origins: [hostPermissionOf(region)] });
}
