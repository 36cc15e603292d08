import { describe, expect, it } from 'vitest';
import { chromeMessagesLocale, localeTag, pickPluralForm, resolveUiLocale, substitute, translate } from './ui-language';

describe('extension pages language', () => {
  it('follows the browser unless a language was chosen', () => {
    expect(resolveUiLocale('auto', 'zh-CN')).toBe('zh_CN');
    expect(resolveUiLocale('auto', 'zh-TW')).toBe('zh_CN');
    expect(resolveUiLocale('auto', 'en-US')).toBe('en');
    expect(resolveUiLocale('auto', 'de')).toBe('en');
    expect(resolveUiLocale('en', 'zh-CN')).toBe('en');
    expect(resolveUiLocale('zh_CN', 'en-GB')).toBe('zh_CN');
    expect(localeTag('zh_CN')).toBe('zh-CN');
    expect(chromeMessagesLocale('zh-CN')).toBe('zh_CN');
    expect(chromeMessagesLocale('zh-TW')).toBe('en');
    expect(chromeMessagesLocale('en-GB')).toBe('en');
  });

  it('substitutes like chrome.i18n.getMessage', () => {
    expect(substitute('Type $1 to confirm', ['DELETE'])).toBe('Type DELETE to confirm');
    expect(substitute('$2 of $1, $3', ['a', 'b'])).toBe('b of a, ');
    expect(substitute('costs $$5', [])).toBe('costs $5');
  });

  it('picks the plural form by count', () => {
    expect(pickPluralForm('No orders | 1 order | 5 orders', 0)).toBe('No orders');
    expect(pickPluralForm('No orders | 1 order | 5 orders', 1)).toBe('1 order');
    expect(pickPluralForm('No orders | 1 order | 5 orders', 2)).toBe('5 orders');
    expect(pickPluralForm('1 order | many', 1)).toBe('1 order');
    expect(pickPluralForm('1 order | many', 0)).toBe('many');
    expect(pickPluralForm('$1 个订单', 7)).toBe('$1 个订单');
  });

  it('reads a packaged messages file with dotted keys, substitutions and counts', () => {
    const messages = { vault_sealedWaiting: { message: '没有等待的地址 | 1 个地址等待中 | $1 个地址等待中' }, a_b: { message: '你好 $1' } };
    expect(translate(messages, 'vault.sealedWaiting', undefined, 3)).toBe('3 个地址等待中');
    expect(translate(messages, 'vault.sealedWaiting', undefined, 0)).toBe('没有等待的地址');
    expect(translate(messages, 'a.b', ['世界'], undefined)).toBe('你好 世界');
    expect(translate(messages, 'missing', undefined, undefined)).toBe('');
  });
});
