import type { ExportFileRemover } from './export-file-remover';

/** The browser-side pieces retention services need, injected so they unit-test with fakes. */
export interface RetentionPorts {
  files: ExportFileRemover;
  sessionCaches: {
    list(): Promise<string[]>;
    clear(): Promise<number>;
  };
}
