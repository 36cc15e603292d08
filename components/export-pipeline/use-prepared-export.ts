import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../utils/export/shipment-label';
import { MessageError } from '../../utils/messaging/envelope';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { useRevision } from '../common/use-revision';
import { useVault } from '../vault/use-vault';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';

export type PreparedState = { phase: 'loading' } | { phase: 'ready'; prepared: PreparedExport } | { phase: 'failed'; error: MessageError };

/**
 * Asks the background once for the export's data (`export/prepare` opens PII and writes the
 * audit entry). Once per page load: the ref survives StrictMode's double effect, so one
 * export is one audited read. `retry` asks again (e.g. after unlocking). When the vault locks
 * (manually or idle), the decrypted labels are dropped from the page as well.
 */
export function usePreparedExport(orderSns: string[], format: ExportFormat): { state: PreparedState; retry: () => void } {
  const [state, setState] = useState<PreparedState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const asked = useRef(-1);
  useEffect(() => {
    if (asked.current === attempt) return;
    asked.current = attempt;
    setState({ phase: 'loading' });
    sendMessage('export/prepare', { orderSns, format }).then(
      (prepared) => setState({ phase: 'ready', prepared }),
      (err: unknown) => setState({ phase: 'failed', error: err instanceof MessageError ? err : new MessageError('internal', String(err)) }),
    );
  }, [orderSns, format, attempt]);

  const vaultState = useVault().data?.state;
  useEffect(() => {
    if (vaultState === undefined || vaultState === 'unlocked') return;
    setState((s) => (s.phase === 'ready' ? { phase: 'failed', error: new MessageError('locked', 'The vault locked; unlock to export again.') } : s));
  }, [vaultState]);

  // Purged, noticed or cleared while this page is open: those labels leave the screen at once (issue 16).
  const held = state.phase === 'ready' ? state.prepared.labels.map((l) => l.orderSn) : [];
  useRevision(() => {
    if (held.length === 0) return;
    sendMessage('export/still-held', { orderSns: held }).then(
      (still) => setState((s) => (s.phase === 'ready' ? withoutErased(s.prepared, new Set(still)) : s)),
      () => undefined,
    );
  });

  return { state, retry: () => setAttempt((a) => a + 1) };
}

/** The prepared export without the labels whose data is gone; they move to `skipped` as erased. */
export function withoutErased(prepared: PreparedExport, stillHeld: ReadonlySet<string>): PreparedState {
  const gone = prepared.labels.filter((l) => !stillHeld.has(l.orderSn));
  if (gone.length === 0) return { phase: 'ready', prepared };
  return {
    phase: 'ready',
    prepared: {
      ...prepared,
      labels: prepared.labels.filter((l) => stillHeld.has(l.orderSn)),
      skipped: [...prepared.skipped, ...gone.map((l) => ({ orderSn: l.orderSn, reason: 'erased' as const }))],
    },
  };
}
