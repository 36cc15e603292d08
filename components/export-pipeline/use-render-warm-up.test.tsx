// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportFormat } from '../../utils/export/shipment-label';

const warmRenderWorker = vi.fn((_fontsUrl: string, _orderSns: string[], _format: string) => ({ offer: vi.fn(), close: vi.fn() }));
vi.mock('./render-in-worker', () => ({ warmRenderWorker }));
const preloadTextRender = vi.fn((_format: string) => undefined);
vi.mock('./render-on-page', () => ({ preloadTextRender }));
const { isWorkerRenderedFormat, useRenderWarmUp } = await import('./use-render-warm-up');

afterEach(cleanup);
beforeEach(() => {
  warmRenderWorker.mockClear();
  preloadTextRender.mockClear();
});

type Props = { format: ExportFormat; selected: ReadonlySet<string>; unlocked: boolean };
const mount = (initial: Props) => renderHook((p: Props) => useRenderWarmUp(p.format, p.selected, p.unlocked), { initialProps: initial });

describe('useRenderWarmUp (the popup warms the shared render worker)', () => {
  it('warms once, with the order numbers and the format, when a PDF format is picked, orders are ticked and the vault is unlocked', () => {
    const view = mount({ format: 'pdf-4x6', selected: new Set(), unlocked: true });
    expect(warmRenderWorker).not.toHaveBeenCalled();
    view.rerender({ format: 'pdf-4x6', selected: new Set(['PO-1']), unlocked: false });
    expect(warmRenderWorker).not.toHaveBeenCalled();
    view.rerender({ format: 'pdf-4x6', selected: new Set(['PO-1', 'PO-2']), unlocked: true });
    expect(warmRenderWorker).toHaveBeenCalledTimes(1);
    expect(warmRenderWorker.mock.calls[0]!.slice(1)).toEqual([['PO-1', 'PO-2'], 'pdf-4x6']);
    expect(warmRenderWorker.mock.calls[0]![0]).toMatch(/^chrome-extension:\/\/.+\/fonts\/$/);
    // Later changes do not connect again: orders ticked later are offered (their barcodes are
    // handed over); the connection is let go when the popup goes.
    view.rerender({ format: 'packing-slip', selected: new Set(['PO-3']), unlocked: true });
    expect(warmRenderWorker).toHaveBeenCalledTimes(1);
    const connection = warmRenderWorker.mock.results[0]!.value as { offer: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> };
    expect(connection.offer).toHaveBeenLastCalledWith(['PO-3']);
    view.unmount();
    expect(connection.close).toHaveBeenCalledTimes(1);
  });

  it('never warms for CSV, ZPL or the print view (made on the page, or no file)', () => {
    const view = mount({ format: 'csv-generic', selected: new Set(['PO-1']), unlocked: true });
    for (const format of ['zpl', 'csv-shipandco', 'print'] as const) view.rerender({ format, selected: new Set(['PO-1']), unlocked: true });
    expect(warmRenderWorker).not.toHaveBeenCalled();
    // Their own renderer's chunks are fetched instead (the ZPL one carries the barcode encoder).
    expect(preloadTextRender.mock.calls.map(([f]) => f)).toEqual(['csv-generic', 'zpl', 'csv-shipandco']);
    view.rerender({ format: 'pick-list', selected: new Set(['PO-1']), unlocked: true });
    expect(warmRenderWorker.mock.calls[0]![2]).toBe('pick-list');
  });

  it('names the formats the worker makes', () => {
    expect(['pdf-4x6', 'pdf-a4', 'pdf-letter', 'pdf-labels', 'pick-list', 'packing-slip'].every((f) => isWorkerRenderedFormat(f as ExportFormat))).toBe(true);
    expect(['zpl', 'csv-generic', 'csv-custom', 'print'].some((f) => isWorkerRenderedFormat(f as ExportFormat))).toBe(false);
  });
});
