import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../utils/export/shipment-label';
import { MessageError } from '../../utils/messaging/envelope';
import type { PreparedExport } from '../../utils/messaging/protocol/export';
import { sendMessage } from '../../utils/messaging/send-message';

export type PreparedState = { phase: 'loading' } | { phase: 'ready'; prepared: PreparedExport } | { phase: 'failed'; error: MessageError };

/**
 * Asks the background once for the export's data (`export/prepare` opens PII and writes the
 * audit entry). Once per page load: the ref survives StrictMode's double effect, so one
 * export is one audited read. `retry` asks again (e.g. after unlocking).
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
  return { state, retry: () => setAttempt((a) => a + 1) };
}
