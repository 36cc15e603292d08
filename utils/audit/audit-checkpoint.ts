import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A signed checkpoint (issue 13): the log was pruned through `throughSeq`, whose hash was
 * `throughHash`; the first kept entry must link to it. Signed with the extension's own Ed25519
 * key (meta `audit.signingKey`, made on first use, never exported), so a checkpoint cannot be
 * edited to hide removed entries without that key; the public key travels with every export.
 */
export interface AuditCheckpoint {
  throughSeq: number;
  throughHash: string;
  prunedAt: number;
  /** Entries older than this were pruned (now − retention days). */
  cutoff: number;
  /** Entries pruned over the log's life, this checkpoint included. */
  prunedTotal: number;
  publicKey: string;
  signature: string;
}

export type AuditCheckpointBody = Omit<AuditCheckpoint, 'signature' | 'publicKey'>;

function checkpointMessage(body: AuditCheckpointBody, publicKey: string): Uint8Array {
  return utf8ToBytes(JSON.stringify(['seller-vault/audit-checkpoint/v1', body.throughSeq, body.throughHash, body.prunedAt, body.cutoff, body.prunedTotal, publicKey]));
}

export function newSigningKey(): { secretKey: Uint8Array; publicKey: string } {
  const secretKey = ed25519.utils.randomSecretKey();
  return { secretKey, publicKey: bytesToHex(ed25519.getPublicKey(secretKey)) };
}

export function signCheckpoint(body: AuditCheckpointBody, key: { secretKey: Uint8Array; publicKey: string }): AuditCheckpoint {
  const signature = bytesToHex(ed25519.sign(checkpointMessage(body, key.publicKey), key.secretKey));
  return { ...body, publicKey: key.publicKey, signature };
}

/** True when the signature matches the checkpoint and, when given, the key the extension holds. */
export function verifyCheckpoint(checkpoint: AuditCheckpoint, expectedPublicKey?: string): boolean {
  if (expectedPublicKey !== undefined && checkpoint.publicKey !== expectedPublicKey) return false;
  try {
    return ed25519.verify(hexToBytes(checkpoint.signature), checkpointMessage(checkpoint, checkpoint.publicKey), hexToBytes(checkpoint.publicKey));
  } catch {
    return false;
  }
}
