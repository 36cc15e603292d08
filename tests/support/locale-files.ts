/** The locale files as the unit tests read them (not imported by production code). */
import fs from 'node:fs';
import { parse } from 'yaml';
import type { PackagedMessages } from '../../utils/language/ui-language';

export type LocaleTree = { [key: string]: LocaleTree | string };

/** `locales/<lang>.yml` as written. */
export function localeTree(lang: 'en' | 'zh_CN'): LocaleTree {
  return parse(fs.readFileSync(`locales/${lang}.yml`, 'utf8')) as LocaleTree;
}

/** A locale tree as Chrome's messages.json names it (`audit_action_buyers_open`). */
export function packagedMessages(tree: LocaleTree, prefix = ''): PackagedMessages {
  const out: PackagedMessages = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'object') Object.assign(out, packagedMessages(v, `${prefix}${k}_`));
    else out[`${prefix}${k}`] = { message: String(v) };
  }
  return out;
}
