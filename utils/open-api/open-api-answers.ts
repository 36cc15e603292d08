import { z } from '../validation/zod';

/**
 * The router's answer envelope (partner docs; `requestId` seen in public SDKs):
 * `{ success, requestId, errorCode, errorMsg, result }`. Success is `success: true` with code
 * 1000000 (or no code). Unknown fields are ignored.
 */
export const openApiEnvelopeSchema = z.object({
  success: z.nullish(z.boolean()),
  requestId: z.nullish(z.string().check(z.maxLength(200))),
  errorCode: z.nullish(z.union([z.number().check(z.int()), z.pipe(z.string().check(z.regex(/^-?\d{1,12}$/)), z.transform(Number))])),
  errorMsg: z.nullish(z.string().check(z.maxLength(2000))),
  result: z.optional(z.unknown()),
});
export type OpenApiEnvelope = z.infer<typeof openApiEnvelopeSchema>;

export const OPEN_API_OK_CODE = 1000000;

const mallId = z.pipe(z.union([z.number().check(z.int(), z.nonnegative()), z.string().check(z.regex(/^[A-Za-z0-9]{1,40}$/))]), z.transform(String));

/**
 * `bg.open.accesstoken.info.get`: whose token this is (`mallId`, the same shop id the seller
 * center's pages send as `mallid`), until when it works (`expiredTime`, unix seconds) and which
 * APIs it may call (`apiScopeList`).
 */
export const tokenInfoSchema = z.object({
  mallId,
  expiredTime: z.nullish(z.number().check(z.int(), z.positive())),
  apiScopeList: z.nullish(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(2000))),
  regionId: z.nullish(z.number().check(z.int())),
  mallType: z.nullish(z.number().check(z.int())),
});

/** The token's facts as the extension keeps and shows them (no secret in here). */
export interface TokenFacts {
  shopId: string;
  /** Epoch ms, or null when the answer does not say. */
  expiresAt: number | null;
  scopes: string[];
}

export function tokenFactsOf(result: unknown): TokenFacts | null {
  const parsed = tokenInfoSchema.safeParse(result);
  if (!parsed.success) return null;
  const t = parsed.data;
  return { shopId: t.mallId, expiresAt: t.expiredTime ? t.expiredTime * 1000 : null, scopes: t.apiScopeList ?? [] };
}

/** The APIs a sync calls; the token must be allowed each of them (the seller ticks them when authorizing the app). */
export const SYNC_API_TYPES = ['bg.order.list.v2.get', 'bg.order.shippinginfo.v2.get', 'bg.order.decryptshippinginfo.get'] as const;

export function missingScopes(scopes: readonly string[]): string[] {
  return SYNC_API_TYPES.filter((t) => !scopes.includes(t));
}

/** One page of `bg.order.list.v2.get`: the order entries are read by the capture parser (same shapes as the seller center's list). */
export const orderListPageSchema = z.object({
  totalItemNum: z.nullish(z.number().check(z.int(), z.nonnegative())),
  // Past the last page the list answers `pageItems: null` (seen for the web list; handled alike here).
  pageItems: z.pipe(
    z.nullish(z.array(z.unknown()).check(z.maxLength(1000))),
    z.transform((items) => items ?? []),
  ),
});
