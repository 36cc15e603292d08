import type { BulkFetchPlanReply, BulkFetchStoreInput, BulkFetchStoreReply } from '../bulk-fetch/bulk-fetch-messages';
import type { BulkFetchTabReply } from './bulk-fetch-tab-commands';
import type { PageConsentState } from './page-capture-controller';

/**
 * Bulk fetch is loaded lazily (issue 12): the seller-center script loads on every seller-center
 * page and stays under its 15 KB gzip budget (issue 11), while the runner, the in-page panel and
 * their texts (~4 KB gzipped) are needed only by sellers who turned bulk fetch on. The script
 * keeps this small host; `bulk-fetch.js` (entrypoints/bulk-fetch.ts) is imported into the same
 * ISOLATED world when the popup sends a command or the orders page may show the panel, takes
 * the host's I/O from the isolated world's global (page scripts cannot reach that world) and
 * attaches its module.
 */
export interface BulkFetchHostIO {
  secret: string;
  /** The bridge's post to the hook (false while no port is acknowledged). */
  postToHook: (message: object) => boolean;
  shopId: () => string | null;
  consent: () => PageConsentState | null;
  plan: (shopId: string, orderSns: string[] | null) => Promise<BulkFetchPlanReply>;
  store: (input: BulkFetchStoreInput) => Promise<BulkFetchStoreReply>;
  setTimer: (fn: () => void, ms: number) => void;
  now: () => number;
  /** Whether the page is the seller center's orders page (where the panel shows). */
  onOrdersPage: () => boolean;
}

/** What the lazily loaded script attaches. */
export interface BulkFetchModule {
  /** true when `data` was a session answer (consumed). */
  onHookMessage: (data: unknown) => boolean;
  /** A tagged command from an extension page; null when it is not a valid command. */
  handleCommand: (raw: unknown) => BulkFetchTabReply | null;
  /** Consent, settings or the shop changed: stop a batch that may no longer run, redraw the panel. */
  refresh: () => void;
}

export interface BulkFetchHandoff {
  io: BulkFetchHostIO;
  attach: (module: BulkFetchModule) => void;
}

/** The isolated world's global slot for the handoff (a registry symbol of this world's realm). */
const HANDOFF = Symbol.for('seller-vault/bulk-fetch-handoff');

export function takeBulkFetchHandoff(): BulkFetchHandoff | null {
  const slot = globalThis as unknown as Record<symbol, BulkFetchHandoff | undefined>;
  const handoff = slot[HANDOFF] ?? null;
  delete slot[HANDOFF];
  return handoff;
}

/** Whether the panel may show (the background still plans and decides). */
export function bulkFetchWanted(io: BulkFetchHostIO): boolean {
  const s = io.consent()?.settings;
  return !!io.shopId() && !!s?.allowSellerCenterCookies && !!s.allowBulkAddressFetch && io.onOrdersPage();
}

export function createBulkFetchHost(io: BulkFetchHostIO, load: () => Promise<unknown>) {
  let module: BulkFetchModule | null = null;
  let loading: Promise<BulkFetchModule | null> | null = null;

  const ensure = (): Promise<BulkFetchModule | null> => {
    loading ??= new Promise((resolve) => {
      (globalThis as unknown as Record<symbol, BulkFetchHandoff>)[HANDOFF] = {
        io,
        attach: (m) => {
          module = m;
          resolve(m);
        },
      };
      load().then(
        () => resolve(module),
        (err: unknown) => {
          console.warn('[seller-vault] bulk fetch could not load', err);
          resolve(null);
        },
      );
    });
    return loading;
  };

  return {
    onHookMessage: (data: unknown): boolean => module?.onHookMessage(data) ?? false,
    /** A command from an extension page: loads the module first (a status read before any batch needs no load). */
    async onCommand(raw: unknown): Promise<BulkFetchTabReply | null> {
      if (!module && (raw as { type?: unknown }).type === 'status') return { shopId: io.shopId(), status: null };
      return (await ensure())?.handleCommand(raw) ?? null;
    },
    /** Consent, settings or the shop changed. */
    refresh() {
      if (module) module.refresh();
      else if (bulkFetchWanted(io)) void ensure();
    },
  };
}
