import { describe, expect, it } from 'vitest';
import { createBridgeHost, type HostPort } from './bridge-host';
import { BRIDGE_SOURCE } from './page-bridge';

const SECRET = 'load-secret';
const READY = { source: BRIDGE_SOURCE, type: 'hook-ready' };

class FakePort implements HostPort {
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  sent: unknown[] = [];
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  close() {
    this.closed = true;
  }
  deliver(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function setup() {
  const ports: FakePort[] = [];
  const posted: { hello: unknown; port: unknown }[] = [];
  const received: unknown[] = [];
  const host = createBridgeHost(SECRET, {
    newChannel: () => {
      const port1 = new FakePort();
      ports.push(port1);
      return { port1, port2: { end: ports.length } as unknown as Transferable };
    },
    postPort: (hello, port) => void posted.push({ hello, port }),
    onHookMessage: (data) => void received.push(data),
  });
  return { host, ports, posted, received };
}

const capture = (json: string) => ({ secret: SECRET, type: 'capture', kind: 'orderList', mallId: '1', json, orderSnHint: null });

describe('capture bridge, isolated side', () => {
  it('answers hook-ready once, only before the hook acknowledged; later hook-ready gets no port', () => {
    const t = setup();
    t.host.start();
    expect(t.posted).toEqual([{ hello: { source: BRIDGE_SOURCE, type: 'port', secret: SECRET }, port: { end: 1 } }]);
    t.host.onWindowMessage(READY); // the hook loaded after the first post
    t.host.onWindowMessage(READY); // a second ask (page script) before any ack: no more ports
    expect(t.posted).toHaveLength(2);

    t.ports[1]!.deliver({ type: 'connected', secret: SECRET });
    expect(t.host.connected).toBe(true);
    expect(t.ports[0]!.closed).toBe(true);
    t.host.onWindowMessage(READY);
    expect(t.posted).toHaveLength(2);
  });

  it('ignores hook-ready after the hook connected, even if it was never answered', () => {
    const t = setup();
    t.host.start();
    t.ports[0]!.deliver({ type: 'connected', secret: SECRET });
    t.host.onWindowMessage(READY);
    t.host.onWindowMessage({ source: 'other', type: 'hook-ready' });
    expect(t.posted).toHaveLength(1);
  });

  it('reads data only from the one acknowledged port', () => {
    const t = setup();
    t.host.start();
    t.host.onWindowMessage(READY);
    const [first, second] = t.ports as [FakePort, FakePort];
    first.deliver(capture('{"before-ack":1}')); // nothing is read before the ack
    first.deliver({ type: 'connected', secret: 'wrong' });
    expect(t.host.connected).toBe(false);
    first.deliver({ type: 'connected', secret: SECRET });
    second.deliver({ type: 'connected', secret: SECRET }); // a second ack does not add a port
    second.deliver(capture('{"forged":1}'));
    first.deliver(capture('{"real":1}'));
    expect(t.received).toEqual([capture('{"real":1}')]);
    expect(second.closed).toBe(true);
  });

  it('sends commands only on the acknowledged port, stamped with the secret', () => {
    const t = setup();
    t.host.start();
    t.host.onWindowMessage(READY);
    const [first, second] = t.ports as [FakePort, FakePort];
    expect(t.host.post({ type: 'session-request', id: 1 })).toBe(false);
    second.deliver({ type: 'connected', secret: SECRET });
    expect(t.host.post({ type: 'session-request', id: 2 })).toBe(true);
    expect(second.sent).toEqual([{ type: 'session-request', id: 2, secret: SECRET }]);
    expect(first.sent).toEqual([]);
  });
});
