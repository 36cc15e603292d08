import { describe, expect, it } from 'vitest';
import { sampleLabels } from './render-warmup';

describe('sampleLabels (the popup rehearsal render)', () => {
  it('makes the asked number of labels from placeholder text, cycling through the given order numbers, 1–3 items each', () => {
    const labels = sampleLabels(['PO-1', 'PO-2', 'PO-3'], 40, 1_000);
    expect(labels).toHaveLength(40);
    expect(labels.map((l) => l.orderSn).slice(0, 4)).toEqual(['PO-1', 'PO-2', 'PO-3', 'PO-1']);
    expect(new Set(labels.map((l) => l.items.length))).toEqual(new Set([1, 2, 3]));
    const names = new Set(labels.map((l) => l.shipTo.name));
    expect(names).toEqual(new Set(['Sample Name', 'Échantillon Prénom', 'Образец Имя', '样本 姓名']));
    // Latin, accents, Cyrillic and CJK: the font slices a mixed day needs are parsed in the rehearsal.
    const text = JSON.stringify(labels);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/[\u0400-\u04ff]/);
  });

  it('makes none without order numbers (no barcodes to draw)', () => {
    expect(sampleLabels([], 40, 1)).toEqual([]);
  });
});
