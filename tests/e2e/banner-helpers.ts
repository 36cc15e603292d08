import type { CDPSession, Page } from '@playwright/test';

/**
 * The authorize banner lives in a CLOSED shadow root (issue 10: page scripts cannot reach or
 * click it), which Playwright's locators do not enter. Tests see it the way only the browser
 * does: through the DevTools protocol's DOM with `pierce`, and click it with real (trusted) mouse
 * events at the button's position.
 */
interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const kids = (n: CdpNode) => [...(n.children ?? []), ...(n.shadowRoots ?? []), ...(n.contentDocument ? [n.contentDocument] : [])];
const attr = (n: CdpNode, name: string) => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};
function find(n: CdpNode, match: (n: CdpNode) => boolean): CdpNode | undefined {
  if (match(n)) return n;
  for (const k of kids(n)) {
    const hit = find(k, match);
    if (hit) return hit;
  }
  return undefined;
}
function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  return kids(n).map(textOf).join('');
}

export async function bannerOf(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const root = async () => (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })).root as CdpNode;
  const banner = async () => find(await root(), (n) => attr(n, 'data-testid') === 'sv-authorize-banner');
  const button = async (label: string) => {
    const b = await banner();
    return b ? find(b, (n) => n.nodeName === 'BUTTON' && textOf(n).trim() === label) : undefined;
  };
  return {
    /** The banner's text, or null when it is not in the page. */
    async text(): Promise<string | null> {
      const b = await banner();
      return b ? textOf(b) : null;
    },
    /** Whether the page's DOM (as page scripts see it) can reach the banner: it must not. */
    async reachableFromPage(): Promise<boolean> {
      return page.evaluate(
        () =>
          document.querySelector('[data-testid="sv-authorize-banner"]') !== null ||
          [...document.querySelectorAll('*')].some((e) => e.shadowRoot?.querySelector('[data-testid="sv-authorize-banner"]')),
      );
    },
    /** Computed styles of the banner (no label) or one of its buttons, read through the protocol (page CSS must not reach them). */
    async style(properties: string[], label?: string): Promise<Record<string, string>> {
      const node = label === undefined ? await banner() : await button(label);
      if (!node) throw new Error(`no banner ${label === undefined ? '' : `button "${label}"`}`);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as { computedStyle: { name: string; value: string }[] };
      return Object.fromEntries(properties.map((p) => [p, computedStyle.find((s) => s.name === p)?.value ?? '']));
    },
    /** A trusted click in the middle of the button, as the seller's mouse would. */
    async click(label: string): Promise<void> {
      const node = await button(label);
      if (!node) throw new Error(`no banner button "${label}"`);
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
      const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
  };
}
