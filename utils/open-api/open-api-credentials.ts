import { unwrapSecret, wrapSecret } from '../crypto/key-wrap';
import { utf8Bytes, utf8Text } from '../crypto/utf8';
import type { OpenApiCredentials } from './open-api-client';
import type { OpenApiRegion } from './open-api-regions';

/**
 * The app key, app secret and access token are sealed under the vault's data key (the symmetric
 * key for data the seller enters while unlocked, held only in storage.session while unlocked):
 * XChaCha20-Poly1305 with a random nonce, bound by its associated data to the region and shop it
 * was connected for. Locked, nothing can read them, so nothing can sync (issue 12).
 */
function credentialsAad(region: OpenApiRegion, shopId: string): Uint8Array {
  return utf8Bytes(`seller-vault/open-api/v1\u0000${region}\u0000${shopId}`);
}

export function sealCredentials(dataKey: Uint8Array, credentials: OpenApiCredentials, region: OpenApiRegion, shopId: string): Uint8Array {
  const plain = utf8Bytes(JSON.stringify({ appKey: credentials.appKey, appSecret: credentials.appSecret, accessToken: credentials.accessToken }));
  return wrapSecret(dataKey, plain, credentialsAad(region, shopId));
}

/** Throws UnwrapError when the key is not the one they were sealed with (a vault reset) or the blob moved. */
export function openCredentials(dataKey: Uint8Array, sealed: Uint8Array, region: OpenApiRegion, shopId: string): OpenApiCredentials {
  const plain = unwrapSecret(dataKey, sealed, credentialsAad(region, shopId));
  const parsed = JSON.parse(utf8Text(plain)) as OpenApiCredentials;
  return { appKey: parsed.appKey, appSecret: parsed.appSecret, accessToken: parsed.accessToken };
}

/** What the settings show of a secret after it is stored: its last four characters only. */
export function maskedTail(value: string): string {
  return value.length <= 8 ? '••••' : `••••${value.slice(-4)}`;
}
