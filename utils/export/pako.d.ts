/** The one pako call the PDF writer makes (pako 1.x ships no types; it is pdf-lib's deflate too). */
declare module 'pako' {
  interface DeflateOptions {
    level?: number;
    windowBits?: number;
    memLevel?: number;
  }
  const pako: { deflate(data: Uint8Array, options?: DeflateOptions): Uint8Array };
  export default pako;
}
