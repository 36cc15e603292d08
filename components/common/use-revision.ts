import { useEffect, useRef } from 'react';
import { watchRevision } from '../../utils/page-sync/revision-adapter';

/** Runs the latest `onBump` after every background write (the one "re-read on revision" listener). */
export function useRevision(onBump: () => void): void {
  const latest = useRef(onBump);
  latest.current = onBump;
  useEffect(() => watchRevision(() => latest.current()), []);
}
