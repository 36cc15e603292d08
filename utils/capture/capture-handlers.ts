import type { BackgroundDeps } from '../background/background-deps';
import type { HandlerTable } from '../messaging/router';
import type { captureMessages } from '../messaging/protocol/capture';

export function createCaptureHandlers(_deps: BackgroundDeps): HandlerTable<typeof captureMessages> {
  // TEMPORARY until the capture work (issue 3) fills the table.
  return {} as HandlerTable<typeof captureMessages>;
}
