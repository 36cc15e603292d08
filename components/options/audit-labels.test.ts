import { describe, expect, it } from 'vitest';
import { type LocaleTree as Tree, localeTree, packagedMessages } from '../../tests/support/locale-files';
import { setUiMessages } from '../common/i18n';
import { AUDIT_ACTIONS, AUDIT_ACTORS } from '../../utils/audit/audit-actions';
import { auditActionKey, auditActionText, auditActorText } from './audit-labels';

const LOCALES = { en: localeTree('en'), zh_CN: localeTree('zh_CN') };
const CHINESE = /[\u3400-\u9fff]/;

function labelsIn(tree: Tree, group: 'action' | 'actor'): Record<string, unknown> {
  return (tree.audit as Tree)[group] as Tree;
}

describe('audit log labels', () => {
  it('name every action the code can record, in English and Chinese', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(40);
    for (const [name, tree] of Object.entries(LOCALES)) {
      const labels = labelsIn(tree, 'action');
      const missing = AUDIT_ACTIONS.filter((a) => typeof labels[auditActionKey(a)] !== 'string' || labels[auditActionKey(a)] === '');
      expect(missing, `actions without a label in ${name}`).toEqual([]);
    }
    const zh = labelsIn(LOCALES.zh_CN, 'action');
    expect(AUDIT_ACTIONS.filter((a) => !CHINESE.test(String(zh[auditActionKey(a)])))).toEqual([]);
  });

  it('has no label for an action the code cannot record (a renamed action leaves none behind)', () => {
    const keys: ReadonlySet<string> = new Set(AUDIT_ACTIONS.map(auditActionKey));
    for (const tree of Object.values(LOCALES)) expect(Object.keys(labelsIn(tree, 'action')).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('name every actor in English and Chinese', () => {
    expect(AUDIT_ACTORS).toContain('background');
    for (const tree of Object.values(LOCALES)) {
      const labels = labelsIn(tree, 'actor');
      expect(AUDIT_ACTORS.filter((a) => typeof labels[a] !== 'string')).toEqual([]);
    }
  });

  it('keys actions by Chrome-safe message names', () => {
    expect(auditActionKey('vault.unlock-failed')).toBe('vault_unlockFailed');
    expect(auditActionKey('open-api.sync')).toBe('openApi_sync');
    expect(auditActionKey('export')).toBe('export');
  });

  it("shows a known identifier in the page's language, and one it does not know (a later version wrote it) as recorded", () => {
    setUiMessages('zh_CN', packagedMessages(LOCALES.zh_CN));
    try {
      expect(auditActionText('buyers.open')).toBe('已查看买家数据');
      expect(auditActionText('vault.unlock-failed')).toBe('解锁失败');
      expect(auditActorText('popup')).toBe('弹出窗口');
      expect(auditActionText('future.action')).toBe('future.action');
      expect(auditActorText('sidepanel')).toBe('sidepanel');
    } finally {
      setUiMessages('en', null);
    }
  });
});
