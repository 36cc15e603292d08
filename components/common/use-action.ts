import { useCallback, useState } from 'react';

export interface ActionOutcome {
  ok: boolean;
  text: string;
}

/**
 * One request at a time for a form or button: a busy flag while it runs, then its outcome as a
 * message (the action's own text on success; `errorText(err)` on failure). An action may return
 * `{ ok: false, text }` for a success that still needs the seller's attention.
 */
export function useAction(errorText: (err: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionOutcome | null>(null);
  const run = useCallback(
    async (action: () => Promise<string | ActionOutcome>) => {
      setBusy(true);
      setMessage(null);
      try {
        const outcome = await action();
        setMessage(typeof outcome === 'string' ? { ok: true, text: outcome } : outcome);
      } catch (err) {
        setMessage({ ok: false, text: errorText(err) });
      } finally {
        setBusy(false);
      }
    },
    [errorText],
  );
  return { busy, message, run };
}
