import { BRIDGE_SOURCE, isBridgeAck, isBridgeReadyMessage, type BridgePortMessage } from './page-bridge';

/** The isolated side's end of one offered channel (MessagePort, or a fake in tests). */
export interface HostPort {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

export interface BridgeHostIO {
  newChannel: () => { port1: HostPort; port2: Transferable };
  /** window.postMessage(hello, location.origin, [port]) */
  postPort: (hello: BridgePortMessage, port: Transferable) => void;
  /** Data from the acknowledged port only. */
  onHookMessage: (data: unknown) => void;
}

/**
 * ISOLATED side of the capture bridge (decision "Capture bridge"). Offers a port at start and at
 * most once more in answer to `hook-ready`, and only until the hook acknowledges a port
 * (`connected`); after that `hook-ready` is ignored, the other offered ports are closed, and
 * only the acknowledged port's messages are read. A page script posting `hook-ready` later
 * therefore gets no port, and one that grabbed an unacknowledged port is not listened to.
 */
export function createBridgeHost(secret: string, io: BridgeHostIO) {
  const offered: HostPort[] = [];
  let connected: HostPort | null = null;
  let answeredReady = false;

  function offer() {
    const channel = io.newChannel();
    const port = channel.port1;
    offered.push(port);
    port.onmessage = (event) => {
      if (connected === null) {
        if (!isBridgeAck(event.data, secret)) return;
        connected = port;
        for (const other of offered.splice(0)) if (other !== port) other.close();
        return;
      }
      if (port === connected) io.onHookMessage(event.data);
    };
    io.postPort({ source: BRIDGE_SOURCE, type: 'port', secret }, channel.port2);
  }

  return {
    start: offer,
    /** Every `message` event on the page window whose source is the window itself. */
    onWindowMessage(data: unknown) {
      if (connected !== null || answeredReady || !isBridgeReadyMessage(data)) return;
      answeredReady = true;
      offer();
    },
    get connected() {
      return connected !== null;
    },
    /** Sends a command to the hook on the acknowledged port; false when no port is acknowledged yet. */
    post(message: object): boolean {
      if (connected === null) return false;
      connected.postMessage({ ...message, secret });
      return true;
    },
  };
}
