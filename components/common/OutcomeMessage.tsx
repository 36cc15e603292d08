import type { ActionOutcome } from './use-action';

/**
 * The result of a seller's action, in one place: green `status` on success, red `alert` on
 * failure (read out at once by screen readers). Renders nothing while there is no outcome.
 */
export function OutcomeMessage({ outcome, inline = false }: { outcome: ActionOutcome | null | undefined; inline?: boolean }) {
  if (!outcome) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className={outcome.ok ? 'sv-ok' : 'sv-error'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </Tag>
  );
}
