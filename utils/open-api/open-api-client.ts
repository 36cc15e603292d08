import { type OpenApiEnvelope, OPEN_API_OK_CODE, openApiEnvelopeSchema } from './open-api-answers';
import { errorKindOfCode, errorKindOfStatus, isRetryable, OpenApiError } from './open-api-errors';
import type { OpenApiRegion } from './open-api-regions';
import { routerUrl } from './open-api-regions';
import { type OpenApiParamValue, signOpenApiRequest } from './open-api-sign';

export interface OpenApiCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
}

/** The network, as a port: production posts with fetch from the service worker; tests and the bench answer from a fixture. */
export interface OpenApiTransport {
  post(url: string, body: string): Promise<{ status: number; text: string }>;
}

export interface OpenApiClientOptions {
  region: OpenApiRegion;
  credentials: OpenApiCredentials;
  transport: OpenApiTransport;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * Least time between two requests. The docs allow 20 requests a second per app key (some APIs
   * less); 10 a second leaves room for the seller's other tools on the same app.
   */
  minIntervalMs?: number;
  /** Further attempts after a rate-limited, busy or failed request. */
  maxRetries?: number;
  /** First back-off pause; doubled on each retry (1 s, 2 s, 4 s). */
  backoffMs?: number;
}

export interface OpenApiCallStats {
  requests: number;
  retries: number;
  /** Time spent waiting for the rate limit and back-off (the bench reports sync time without it). */
  waitedMs: number;
}

export interface OpenApiClient {
  /** Calls one API; answers its `result`, or throws OpenApiError. */
  call(type: string, business?: Record<string, OpenApiParamValue>): Promise<unknown>;
  readonly stats: OpenApiCallStats;
}

export const DEFAULT_MIN_INTERVAL_MS = 100;

/**
 * A signed, rate-limited, retrying client of the router (`POST /openapi/router`, one JSON body:
 * the common parameters, the API's own and `sign`). The body is serialized once, from the same
 * values that were signed.
 */
export function createOpenApiClient(options: OpenApiClientOptions): OpenApiClient {
  const minInterval = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  const maxRetries = options.maxRetries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const url = routerUrl(options.region);
  const stats: OpenApiCallStats = { requests: 0, retries: 0, waitedMs: 0 };
  let nextAllowedAt = 0;

  const wait = async (ms: number) => {
    if (ms <= 0) return;
    stats.waitedMs += ms;
    await options.sleep(ms);
  };

  async function once(type: string, business: Record<string, OpenApiParamValue>): Promise<unknown> {
    await wait(nextAllowedAt - options.now());
    const { credentials } = options;
    const params: Record<string, OpenApiParamValue> = {
      ...Object.fromEntries(Object.entries(business).filter(([, v]) => v !== null && v !== undefined)),
      type,
      app_key: credentials.appKey,
      access_token: credentials.accessToken,
      // Unix seconds; the gateway refuses a timestamp more than 300 s off its clock (3000011/3000012).
      timestamp: Math.floor(options.now() / 1000),
      data_type: 'JSON',
    };
    const body = JSON.stringify({ ...params, sign: signOpenApiRequest(params, credentials.appSecret) });
    stats.requests++;
    let answer: { status: number; text: string };
    try {
      answer = await options.transport.post(url, body);
    } catch (err) {
      throw new OpenApiError('network', `The Open API could not be reached (${err instanceof Error ? err.message : String(err)})`);
    } finally {
      nextAllowedAt = options.now() + minInterval;
    }
    if (answer.status !== 200) throw new OpenApiError(errorKindOfStatus(answer.status), `The Open API answered HTTP ${answer.status}`, answer.status);
    return resultOf(type, answer.text);
  }

  return {
    stats,
    async call(type, business = {}) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(type, business);
        } catch (err) {
          if (!(err instanceof OpenApiError) || !isRetryable(err.kind) || attempt >= maxRetries) throw err;
          stats.retries++;
          await wait(backoff * 2 ** attempt);
        }
      }
    },
  };
}

function resultOf(type: string, text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OpenApiError('invalid-answer', `${type}: the answer is not JSON`);
  }
  const parsed = openApiEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw new OpenApiError('invalid-answer', `${type}: unexpected answer shape`);
  const envelope: OpenApiEnvelope = parsed.data;
  const code = envelope.errorCode ?? null;
  if (envelope.success === false || (code !== null && code !== OPEN_API_OK_CODE && code !== 0)) {
    const c = code ?? 0;
    // errorMsg is the gateway's text: kept short and never rendered as markup.
    throw new OpenApiError(errorKindOfCode(c), `${type}: ${String(envelope.errorMsg ?? 'error').slice(0, 200)} (${c})`, c);
  }
  return envelope.result ?? null;
}
