import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

/**
 * The WebAuthn side of passkey unlock (issue 15 item 8). Runs in an extension page: the service
 * worker has no `navigator.credentials`. The relying party id is left to the browser, which takes
 * the page's host, i.e. the extension id (checked in Chromium 156: an explicit other id is refused).
 * Only the PRF output leaves this file, to the background, which unwraps the vault keys with it.
 */

export type PasskeyCeremonyFailure = 'unsupported' | 'no-prf' | 'cancelled';

export class PasskeyCeremonyError extends Error {
  constructor(
    readonly reason: PasskeyCeremonyFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PasskeyCeremonyError';
  }
}

/** The PRF extension's shapes (WebAuthn Level 3), declared here while lib.dom types lag. */
interface PrfOutputs {
  enabled?: boolean;
  results?: { first?: ArrayBuffer | ArrayBufferView };
}

const TIMEOUT_MS = 120_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function asBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array {
  return value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function prfOf(credential: PublicKeyCredential): PrfOutputs | undefined {
  return (credential.getClientExtensionResults() as { prf?: PrfOutputs }).prf;
}

function requireWebAuthn(): void {
  if (typeof PublicKeyCredential === 'undefined' || !navigator.credentials) {
    throw new PasskeyCeremonyError('unsupported', 'This browser offers no passkeys here');
  }
}

/** NotAllowedError covers "cancelled", "timed out" and "no registered passkey on this device": WebAuthn does not tell them apart on purpose. */
function ceremonyFailure(err: unknown): never {
  if (err instanceof PasskeyCeremonyError) throw err;
  if (err instanceof DOMException && (err.name === 'NotAllowedError' || err.name === 'AbortError' || err.name === 'InvalidStateError')) {
    throw new PasskeyCeremonyError('cancelled', err.message);
  }
  if (err instanceof DOMException && err.name === 'NotSupportedError') throw new PasskeyCeremonyError('unsupported', err.message);
  throw err;
}

async function assertWithPrf(credentials: { credentialId: string; prfSalt: string }[]): Promise<{ credentialId: string; prfOutput: string }> {
  const evalByCredential: Record<string, { first: Uint8Array }> = {};
  for (const c of credentials) evalByCredential[toBase64Url(hexToBytes(c.credentialId))] = { first: hexToBytes(c.prfSalt) };
  const assertion = (await navigator.credentials.get({
    publicKey: {
      challenge: randomBytes(32),
      allowCredentials: credentials.map((c) => ({ type: 'public-key' as const, id: hexToBytes(c.credentialId) })),
      userVerification: 'required',
      timeout: TIMEOUT_MS,
      extensions: { prf: { evalByCredential } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  if (!assertion) throw new PasskeyCeremonyError('cancelled', 'No passkey answered');
  const first = prfOf(assertion)?.results?.first;
  if (!first) throw new PasskeyCeremonyError('no-prf', 'The authenticator gave no PRF output');
  const output = asBytes(first);
  if (output.length !== 32) throw new PasskeyCeremonyError('no-prf', 'The authenticator gave an unexpected PRF output');
  return { credentialId: bytesToHex(new Uint8Array(assertion.rawId)), prfOutput: bytesToHex(output) };
}

/**
 * Creates a passkey with the PRF extension and returns its credential id, the PRF salt and the
 * PRF output for that salt. Some authenticators answer PRF only on `get` (`prf.enabled` without
 * results): then one assertion follows at once. No PRF at all: `no-prf`, and the seller is told
 * nothing was registered (the credential left on the authenticator is reported unknown where
 * the browser supports it).
 */
export async function createVaultPasskey(options: { userName: string; excludeCredentialIds: string[] }): Promise<{ credentialId: string; prfSalt: string; prfOutput: string }> {
  requireWebAuthn();
  const prfSalt = randomBytes(32);
  try {
    const credential = (await navigator.credentials.create({
      publicKey: {
        rp: { name: 'Seller Vault' },
        user: { id: randomBytes(16), name: options.userName, displayName: options.userName },
        challenge: randomBytes(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
        excludeCredentials: options.excludeCredentialIds.map((id) => ({ type: 'public-key' as const, id: hexToBytes(id) })),
        timeout: TIMEOUT_MS,
        extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
      },
    })) as PublicKeyCredential | null;
    if (!credential) throw new PasskeyCeremonyError('cancelled', 'No passkey was created');
    const credentialId = bytesToHex(new Uint8Array(credential.rawId));
    const prf = prfOf(credential);
    const first = prf?.results?.first;
    if (first && asBytes(first).length === 32) return { credentialId, prfSalt: bytesToHex(prfSalt), prfOutput: bytesToHex(asBytes(first)) };
    if (!prf?.enabled) {
      await forgetCredential(credential.rawId);
      throw new PasskeyCeremonyError('no-prf', 'This authenticator does not support the PRF extension');
    }
    return { ...(await assertWithPrf([{ credentialId, prfSalt: bytesToHex(prfSalt) }])), prfSalt: bytesToHex(prfSalt) };
  } catch (err) {
    ceremonyFailure(err);
  }
}

/** Asks the authenticator for the PRF output of one of the registered passkeys (the seller picks). */
export async function evaluateVaultPasskey(credentials: { credentialId: string; prfSalt: string }[]): Promise<{ credentialId: string; prfOutput: string }> {
  requireWebAuthn();
  try {
    return await assertWithPrf(credentials);
  } catch (err) {
    ceremonyFailure(err);
  }
}

/** Best effort: tells the authenticator's passkey manager a credential we will never use (Chrome 132+). */
async function forgetCredential(rawId: ArrayBuffer): Promise<void> {
  const signal = (PublicKeyCredential as unknown as { signalUnknownCredential?: (o: { rpId: string; credentialId: string }) => Promise<void> }).signalUnknownCredential;
  if (typeof signal !== 'function') return;
  await signal.call(PublicKeyCredential, { rpId: location.hostname, credentialId: toBase64Url(new Uint8Array(rawId)) }).catch(() => undefined);
}
