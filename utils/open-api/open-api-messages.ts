import { z } from '../validation/zod';
import { defineMessage } from '../messaging/define-message';
import type { OpenApiErrorKind } from './open-api-errors';
import { OPEN_API_REGIONS, type OpenApiRegion } from './open-api-regions';

/**
 * Why a connect, test or sync did not go through, for the seller: the gateway's answer
 * (OpenApiErrorKind) or the extension's own gates.
 */
export type OpenApiProblemKind = OpenApiErrorKind | 'no-host-access' | 'shop-not-authorized' | 'missing-scopes' | 'credentials-unreadable' | 'locked' | 'no-vault';

export interface OpenApiProblem {
  kind: OpenApiProblemKind;
  /** The gateway's message or the missing API names; plain text. */
  detail: string;
}

/** What `bg.open.accesstoken.info.get` said about the token (test connection). */
export interface OpenApiTokenCheck {
  shopId: string;
  expiresAt: number | null;
  scopes: string[];
  /** APIs the sync needs that the token may not call. */
  missingScopes: string[];
  /** The shop is authorized for capture in Authorization & privacy (the consent gate). */
  shopAuthorized: boolean;
}

export type OpenApiCheckReply = { ok: true; token: OpenApiTokenCheck } | { ok: false; problem: OpenApiProblem };

/** One sync: when, what it found, and why it stopped if it did (popup and options show it). */
export interface OpenApiSyncReport {
  trigger: 'manual' | 'alarm';
  startedAt: number;
  finishedAt: number;
  problem: OpenApiProblem | null;
  /** To-ship orders the list answered. */
  toShip: number;
  /** Addresses newly stored in the vault. */
  addresses: number;
  /** Masked answers opened with the decrypt call. */
  decrypted: number;
  /** Still masked after the decrypt call: nothing stored for them. */
  stillMasked: number;
  /** Orders that already hold an address (not asked again). */
  alreadyHeld: number;
  /** Orders whose address call failed on its own (not found, not ready). */
  failedOrders: number;
  /** Stored orders whose facts changed since the last sync (shipping times, cancellations). */
  updated: number;
  /** Reasons the vault skipped addresses (already due, other shop...), with counts. */
  skipped: { reason: string; count: number }[];
  requests: number;
  retries: number;
  /** Time spent waiting for the rate limit and back-off. */
  waitedMs: number;
}

export type OpenApiStatus =
  | { connected: false }
  | {
      connected: true;
      region: OpenApiRegion;
      shopId: string;
      /** Last four characters of each credential; the rest is never shown again. */
      masked: { appKey: string; appSecret: string; accessToken: string };
      scopes: string[];
      missingScopes: string[];
      tokenExpiresAt: number | null;
      connectedAt: number;
      hostAccess: boolean;
      shopAuthorized: boolean;
      unlocked: boolean;
      syncing: boolean;
      syncEveryMinutes: number;
      lastSync: OpenApiSyncReport | null;
    };

const credential = z.string().check(z.trim(), z.minLength(8), z.maxLength(200), z.regex(/^[\x21-\x7e]+$/, 'letters, digits and symbols only'));
export const openApiCredentialsInput = z.object({
  region: z.enum(OPEN_API_REGIONS),
  appKey: credential,
  appSecret: credential,
  accessToken: credential,
});

/** Messages of the Open API concern (issue 12). Extension pages only: they carry secrets and trigger syncs. */
export const openApiMessages = {
  'open-api/status': defineMessage('page', z.object({})).returns<OpenApiStatus>(),
  /** Reads the token's shop and permissions with the values given (nothing stored). Host access must be granted first. */
  'open-api/test': defineMessage('page', openApiCredentialsInput).returns<OpenApiCheckReply>(),
  /** Tests, then seals the credentials in the vault (unlocked only) and starts the sync alarm. */
  'open-api/connect': defineMessage('page', openApiCredentialsInput).returns<OpenApiCheckReply>(),
  /** Removes the credentials, the last report, the alarm and the host permission. */
  'open-api/disconnect': defineMessage('page', z.object({})).returns<void>(),
  /** Syncs now (unlocked only); answers the report. */
  'open-api/sync': defineMessage('page', z.object({})).returns<OpenApiSyncReport>(),
};
