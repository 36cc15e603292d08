import { useEffect, useRef, useState } from 'react';

/**
 * A form field's text that starts from a stored value read from the background. The stored value
 * may arrive after the seller has started typing (the read is a round trip to the worker); it fills
 * the field only until the seller edits it, so a late answer never wipes what they typed. A CI run
 * caught the security-contact form saving an empty address this way.
 */
export function useDraft(stored: string | undefined): [string, (text: string) => void] {
  const [draft, setDraft] = useState(stored ?? '');
  const edited = useRef(false);
  useEffect(() => {
    if (!edited.current && stored !== undefined) setDraft(stored);
  }, [stored]);
  return [
    draft,
    (text: string) => {
      edited.current = true;
      setDraft(text);
    },
  ];
}
