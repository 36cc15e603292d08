import type { AuditActor } from '../db/records';

/**
 * Every action the code records in the audit log. `appendAudit`/`recordAudit` accept only these
 * (`AuditEvent.action`), so a new action is added here first, and the locale test
 * (audit-actions.test.ts) then fails until it has a label in English and Chinese. Stored entries
 * keep `action: string`: a log written by a later version may hold actions this list does not
 * know, and the page shows those as recorded.
 */
export const AUDIT_ACTIONS = [
  'address.accept',
  'address.keep',
  'address.review',
  'audit.prune',
  'buyers.clear-all',
  'buyers.correct',
  'buyers.minimize',
  'buyers.open',
  'capture.addresses',
  'capture.bulk-fetch',
  'capture.orders',
  'capture.rejected',
  'consent.accept-policy',
  'consent.grant',
  'consent.revoke',
  'evidence.export',
  'export',
  'export.record',
  'export.downloads-reconciled',
  'incident.record',
  'incident.report',
  'incident.resolve',
  'notice.carried-out',
  'open-api.connect',
  'open-api.disconnect',
  'open-api.sync',
  'orders.mark-shipped',
  'orders.page-fact-applied',
  'orders.page-fact-dismissed',
  'request.access-export',
  'request.complete',
  'request.decline',
  'request.delay',
  'request.delete-data',
  'request.link-orders',
  'request.notes-open',
  'request.record',
  'request.verify',
  'retention.days-changed',
  'retention.files-removed',
  'retention.purge',
  'security.mirror-restored',
  'settings.change',
  'vault.lock',
  'vault.passkey-added',
  'vault.passkey-removed',
  'vault.passphrase-changed',
  'vault.reseal',
  'vault.reset',
  'vault.setup',
  'vault.unlock',
  'vault.unlock-failed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A record per actor, so adding an actor to `AuditActor` fails the type check here until it is listed. */
const ACTORS: Record<AuditActor, true> = { popup: true, options: true, print: true, background: true, content: true };
export const AUDIT_ACTORS = Object.keys(ACTORS) as AuditActor[];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function isKnownAuditAction(action: string): action is AuditAction {
  return KNOWN_ACTIONS.has(action);
}

export function isKnownAuditActor(actor: string): actor is AuditActor {
  return Object.hasOwn(ACTORS, actor);
}
