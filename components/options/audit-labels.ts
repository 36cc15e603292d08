import { type AuditAction, isKnownAuditAction, isKnownAuditActor } from '../../utils/audit/audit-actions';
import { i18n } from '../common/i18n';
import { type MessageKey, messageKey } from '../common/message-key';

/** `vault.unlock-failed` → `vault_unlockFailed` (Chrome message names allow no dot or dash; a dot would nest the YAML). */
type ActionKey<S extends string> = S extends `${infer H}.${infer T}` ? `${MessageKey<H>}_${MessageKey<T>}` : MessageKey<S>;

export function auditActionKey<A extends AuditAction>(action: A): ActionKey<A> {
  return action
    .split('.')
    .map((part) => messageKey(part))
    .join('_') as ActionKey<A>;
}

/**
 * The audit log stores and exports action and actor identifiers as recorded (they are hashed into
 * the chain); the page shows the seller's language for every one the code can record, and an
 * identifier it does not know (a log written by a later version) as recorded.
 */
export function auditActionText(action: string): string {
  return isKnownAuditAction(action) ? i18n.t(`audit.action.${auditActionKey(action)}`) : action;
}

export function auditActorText(actor: string): string {
  return isKnownAuditActor(actor) ? i18n.t(`audit.actor.${actor}`) : actor;
}
