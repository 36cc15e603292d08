import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { md5 } from '@noble/hashes/legacy.js';

/** A request parameter as the router receives it in the JSON body. */
export type OpenApiParamValue = string | number | boolean | null | undefined | readonly unknown[] | { readonly [key: string]: unknown };

/**
 * One parameter's text in the string to sign (Temu partner docs, "API request signing method"):
 * strings as they are, numbers and booleans as their JSON text, objects and arrays as compact JSON.
 * The body is written with the same JSON.stringify, so what is signed is what is sent.
 */
function signText(value: Exclude<OpenApiParamValue, null | undefined>): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The `sign` of an Open API request: every parameter except `sign` (common and business ones),
 * sorted by key in byte order, written `key + value` with no separators, wrapped in the app secret
 * at both ends, MD5 of the UTF-8 bytes, uppercase hex. Absent (null/undefined) parameters are left
 * out; the client never sends them either. Source: docs/decisions.md "Open API request signing".
 */
export function signOpenApiRequest(params: Readonly<Record<string, OpenApiParamValue>>, appSecret: string): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== null && params[k] !== undefined)
    // Byte order (code units): uppercase before lowercase, as the docs' ASCII sort.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const joined = keys.map((k) => k + signText(params[k] as Exclude<OpenApiParamValue, null | undefined>)).join('');
  return bytesToHex(md5(utf8ToBytes(appSecret + joined + appSecret))).toUpperCase();
}
