/**
 * The Temu Open API gateways a self-developed app calls (partner docs; hosts also listed by
 * public SDKs): one router URL per region. US sellers use `us`, EU sellers `eu`, the rest `global`.
 */
export const OPEN_API_REGIONS = ['us', 'eu', 'global'] as const;
export type OpenApiRegion = (typeof OPEN_API_REGIONS)[number];

export const OPEN_API_HOSTS: Record<OpenApiRegion, string> = {
  us: 'openapi-b-us.temu.com',
  eu: 'openapi-b-eu.temu.com',
  global: 'openapi-b-global.temu.com',
};

/** The single endpoint every call goes to (`type` in the body names the API). */
export function routerUrl(region: OpenApiRegion): string {
  return `https://${OPEN_API_HOSTS[region]}/openapi/router`;
}

/** The host permission one region needs (requested at connect time, removed at disconnect). */
export function hostPermissionOf(region: OpenApiRegion): string {
  return `https://${OPEN_API_HOSTS[region]}/*`;
}

/** Every region's host permission: the manifest's `optional_host_permissions` (none is granted at install). */
export const OPEN_API_HOST_PERMISSIONS: readonly string[] = OPEN_API_REGIONS.map(hostPermissionOf);
