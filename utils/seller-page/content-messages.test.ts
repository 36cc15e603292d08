import { describe, expect, expectTypeOf, it } from 'vitest';
import { protocol } from '../protocol';
import { CONTENT_MESSAGE_TYPES, type ContentMessages } from './content-messages';

describe('messages of the seller-center content script', () => {
  it('are all in the protocol, all for audience content (never answered with PII)', () => {
    for (const type of CONTENT_MESSAGE_TYPES) expect(protocol[type].audience, type).toBe('content');
    expectTypeOf<keyof ContentMessages>().toEqualTypeOf<(typeof CONTENT_MESSAGE_TYPES)[number]>();
  });
});
