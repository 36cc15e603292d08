/** The pako call the export code makes (pako 1.x ships no types; pdf-lib compresses with it too). */
declare module 'pako' {
  const pako: {
    /** zlib-wrapped data; throws on damaged input. */
    inflate(data: Uint8Array): Uint8Array;
  };
  export default pako;
}
