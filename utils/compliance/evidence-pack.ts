import type { AuditVerifyReply } from '../audit/audit-log';
import type { IncidentView } from '../incidents/incident-messages';
import type { RequestView } from '../requests/request-messages';
import type { NoticeView } from '../retention/deletion-notices';
import type { RetentionStatus } from '../retention/retention-status';

/**
 * The evidence pack (issue 13): what the seller hands the marketplace. Built only from facts that
 * hold no buyer personal data: counts, times, order numbers, rule results, hashes. Free text a
 * person typed (notice references, incident descriptions, request notes) is left out, because it
 * could hold personal data; evidence-pack.test.ts checks a pack built over real buyer data.
 */
export interface EvidencePack {
  format: 'seller-vault/evidence-pack/v1';
  generatedAt: string;
  policy: { version: string; retentionDaysMax: number };
  retention: {
    retentionDays: number;
    ordersHoldingBuyerData: number;
    liveExportFiles: number;
    nextPurgeAt: string | null;
    upcomingPurges: { dayStart: string; first: string; orders: number }[];
    lastPurge: { at: string; orders: number; trigger: string } | null;
  };
  deletionNotices: {
    id: number;
    receivedAt: string;
    scope: string;
    carriedOutAt: string | null;
    deletedBuyers: number;
    removedFiles: number;
    within72h: boolean | null;
    liveCopyDueBy: string;
    noLiveCopy: boolean;
  }[];
  requests: {
    id: number;
    kind: string;
    state: string;
    receivedAt: string;
    verifiedAt: string | null;
    closedAt: string | null;
    verifyDueAt: string;
    completeDueAt: string;
    verifiedOnTime: boolean | null;
    completedOnTime: boolean | null;
    withinSevenDays: boolean | null;
    buyerToldOfDelay: boolean;
    actions: string[];
  }[];
  incidents: {
    id: number;
    state: string;
    detectedAt: string;
    dueAt: string;
    reportedAt: string | null;
    resolvedAt: string | null;
    reportedOnTime: boolean | null;
    resolvedOnTime: boolean | null;
    dataCategories: string[];
    affectedOrders: number;
  }[];
  audit: {
    intact: boolean;
    checked: number;
    brokenAtSeq: number | null;
    reason: string | null;
    head: { seq: number; hash: string; at: string } | null;
    lastSeq: number | null;
    checkpoint: { throughSeq: number; throughHash: string; prunedAt: string; publicKey: string; signature: string } | null;
    retentionDays: number;
  };
  recordsOfProcessing: { table: string; personal: boolean; keeping: string; access: string; deletion: string; fields: { name: string; source: string; purpose: string }[] }[];
}

export interface EvidenceFacts {
  now: number;
  policyVersion: string;
  retentionDaysMax: number;
  retentionDays: number;
  status: RetentionStatus;
  notices: NoticeView[];
  requests: RequestView[];
  incidents: IncidentView[];
  audit: AuditVerifyReply;
  auditRetentionDays: number;
}

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | null | undefined) => (typeof t === 'number' ? iso(t) : null);

/**
 * The pack as the background answers it: everything but the records of processing, which are
 * static text the page adds (evidence-pack-file.ts), so the service worker does not carry them
 * (issue 11: parsed on every wake).
 */
export type EvidenceReport = Omit<EvidencePack, 'recordsOfProcessing'>;

export function buildEvidenceReport(f: EvidenceFacts): EvidenceReport {
  return {
    format: 'seller-vault/evidence-pack/v1',
    generatedAt: iso(f.now),
    policy: { version: f.policyVersion, retentionDaysMax: f.retentionDaysMax },
    retention: {
      retentionDays: f.retentionDays,
      ordersHoldingBuyerData: f.status.ordersWithPii,
      liveExportFiles: f.status.liveFiles,
      nextPurgeAt: isoOrNull(f.status.nextPurgeAt),
      upcomingPurges: f.status.upcoming.map((d) => ({ dayStart: iso(d.dayStart), first: iso(d.first), orders: d.count })),
      lastPurge: f.status.lastPurge ? { at: iso(f.status.lastPurge.at), orders: f.status.lastPurge.orders, trigger: f.status.lastPurge.trigger } : null,
    },
    deletionNotices: f.notices.map((n) => ({
      id: n.id,
      receivedAt: iso(n.receivedAt),
      scope: n.scope.kind === 'orders' ? `orders:${n.scope.orderSns.length}` : n.scope.kind === 'shop' ? `shop:${n.scope.shopId}` : 'all',
      carriedOutAt: isoOrNull(n.carriedOutAt),
      deletedBuyers: n.deletedBuyers,
      removedFiles: n.removedFiles,
      within72h: n.withinPromise,
      liveCopyDueBy: iso(n.liveCopyDueBy),
      noLiveCopy: n.check.clean,
    })),
    requests: f.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      receivedAt: iso(r.receivedAt),
      verifiedAt: isoOrNull(r.verifiedAt),
      closedAt: isoOrNull(r.closedAt),
      verifyDueAt: iso(r.verifyDueAt),
      completeDueAt: iso(r.completeDueAt),
      ...r.outcome,
      buyerToldOfDelay: r.delay !== null,
      actions: r.actions.map((a) => `${iso(a.at)} ${a.action}${a.fields ? ` (${a.fields.join(', ')})` : ''}`),
    })),
    incidents: f.incidents.map((i) => ({
      id: i.id,
      state: i.state,
      detectedAt: iso(i.detectedAt),
      dueAt: iso(i.dueAt),
      reportedAt: isoOrNull(i.reportedAt),
      resolvedAt: isoOrNull(i.resolvedAt),
      ...i.outcome,
      dataCategories: i.dataCategories,
      affectedOrders: i.affectedOrderSns.length,
    })),
    audit: {
      intact: f.audit.ok,
      checked: f.audit.checked,
      brokenAtSeq: f.audit.ok ? null : f.audit.brokenAtSeq,
      reason: f.audit.ok ? null : f.audit.reason,
      head: f.audit.head ? { seq: f.audit.head.seq, hash: f.audit.head.hash, at: iso(f.audit.head.at) } : null,
      lastSeq: f.audit.lastSeq,
      checkpoint: f.audit.checkpoint
        ? {
            throughSeq: f.audit.checkpoint.throughSeq,
            throughHash: f.audit.checkpoint.throughHash,
            prunedAt: iso(f.audit.checkpoint.prunedAt),
            publicKey: f.audit.checkpoint.publicKey,
            signature: f.audit.checkpoint.signature,
          }
        : null,
      retentionDays: f.auditRetentionDays,
    },
  };
}
