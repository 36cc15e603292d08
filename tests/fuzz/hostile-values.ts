import fc from 'fast-check';

/** Any UTF-16 code unit, lone surrogates included: what a hostile page can put in a JSON string. */
export const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 });

/** Strings attackers and broken pages send: formulas (ASCII and full-width), markup, controls, bidi overrides, masks, huge. */
export const hostileText = fc.oneof(
  anyText,
  fc.constantFrom(
    '=HYPERLINK("http://evil.example","x")',
    '＝1+1',
    '+1-555-0100',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '<img src=x onerror=alert(1)>',
    '\u202eevil\u202c',
    '\u0000',
    '****',
    '__proto__',
    '^XA^FDpwned^FS^XZ',
    '~JR',
    'PO-211-01861395087993272',
    '',
    ' ',
  ),
  // Long text, made cheaply (a generated 20,000-character string costs more than the parse under test).
  fc.tuple(fc.constantFrom('x', '=1+', '\u202e', '王', '*'), fc.integer({ min: 1_000, max: 20_000 })).map(([unit, n]) => unit.repeat(n)),
);

/** A JSON value of any shape, strings hostile. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor', 'parent_order_sn', 'parentOrderSn', 'result', 'success')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Replaces leaves of `base` (a realistic payload) with hostile values; `picks` choose which leaves. */
export function mutateLeaves(base: unknown, replacements: readonly [number, unknown][]): unknown {
  const copy = structuredClone(base);
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (v !== null && typeof v === 'object' ? walk(v) : leaves.push({ parent: node, key: i })));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node))
        v !== null && typeof v === 'object'
          ? (leaves.push({ parent: node as Record<string, unknown>, key: k }), walk(v))
          : leaves.push({ parent: node as Record<string, unknown>, key: k });
    }
  };
  walk(copy);
  if (leaves.length === 0) return copy;
  for (const [pick, value] of replacements) {
    const leaf = leaves[pick % leaves.length]!;
    (leaf.parent as Record<string | number, unknown>)[leaf.key] = value;
  }
  return copy;
}

export const mutations = fc.array(fc.tuple(fc.nat(), hostileJson), { minLength: 1, maxLength: 6 });

/** Fuzz runs per property (issue 16: 10,000 generated hostile inputs per parser). */
export const RUNS = 10_000;
