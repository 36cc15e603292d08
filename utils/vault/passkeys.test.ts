import { describe, expect, it } from 'vitest';
import { MAX_PASSKEYS, PASSKEY_LABEL_MAX, parsePasskeys, passkeyLabel, summarizePasskeys, withoutPasskey, withPasskey, type PasskeyRecord } from './passkeys';

function record(n: number, overrides: Partial<PasskeyRecord> = {}): PasskeyRecord {
  return {
    id: n.toString(16).padStart(32, '0'),
    credentialId: `cc${n.toString(16).padStart(2, '0')}`,
    label: `Key ${n}`,
    createdAt: 1000 + n,
    lastUsedAt: null,
    prfSalt: new Uint8Array(32).fill(n),
    kdfSalt: new Uint8Array(32).fill(n + 1),
    wrapped: new Uint8Array(89).fill(n + 2),
    ...overrides,
  };
}

describe('passkey records', () => {
  it('parses stored rows and ignores any that do not fit the schema', () => {
    const good = record(1);
    expect(parsePasskeys([good, { ...record(2), prfSalt: new Uint8Array(31) }, { ...record(3), credentialId: 'XYZ' }, 'junk'])).toEqual([good]);
    expect(parsePasskeys(undefined)).toEqual([]);
    expect(parsePasskeys({ not: 'a list' })).toEqual([]);
  });

  it('labels: trimmed, control characters out, capped, default "Passkey N"', () => {
    expect(passkeyLabel('  Phone\u0000 ', [])).toBe('Phone');
    expect(passkeyLabel('   ', [record(1)])).toBe('Passkey 2');
    expect(passkeyLabel('x'.repeat(200), [])).toHaveLength(PASSKEY_LABEL_MAX);
  });

  it('adds up to the maximum, refuses a duplicate credential, removes by id', () => {
    let list: PasskeyRecord[] = [];
    for (let i = 1; i <= MAX_PASSKEYS; i++) list = withPasskey(list, record(i));
    expect(() => withPasskey(list, record(99))).toThrow(/At most/);
    expect(() => withPasskey(list.slice(1), record(9, { credentialId: list[1]!.credentialId }))).toThrow(/already registered/);
    const fewer = withoutPasskey(list, list[0]!.id);
    expect(fewer.map((p) => p.id)).toEqual(list.slice(1).map((p) => p.id));
    expect(() => withoutPasskey(fewer, list[0]!.id)).toThrow(/No such passkey/);
  });

  it('summaries carry no wrapped key material', () => {
    const [summary] = summarizePasskeys([record(4)]);
    expect(summary).toEqual({ id: record(4).id, credentialId: record(4).credentialId, prfSalt: '04'.repeat(32), label: 'Key 4', createdAt: 1004, lastUsedAt: null });
    expect(Object.keys(summary!)).not.toContain('wrapped');
  });
});
