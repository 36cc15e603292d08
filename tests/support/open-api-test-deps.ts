import { vi } from 'vitest';
import type { BackgroundDeps } from '../../utils/background-deps';
import { AppDb } from '../../utils/db/app-db';
import type { OpenApiRegion } from '../../utils/open-api/open-api-regions';
import { createOpenApiFixture, type OpenApiFixture, type OpenApiFixtureOptions } from '../fixtures/open-api-server';
import { memoryShredFiles, memoryShredKeys } from './memory-shred-files';
import { testBrowserPorts } from './test-ports';

export interface OpenApiTestDeps extends BackgroundDeps {
  clock: { now: number };
  fixture: OpenApiFixture;
  /** Regions whose host permission the seller granted. */
  granted: Set<OpenApiRegion>;
  /** Every scheduleSync call (minutes, or null for cleared). */
  alarms: (number | null)[];
  notified: number;
}

/**
 * Background deps whose Open API port answers from a fixture router (signatures checked) on a
 * fake clock that sleeping moves forward; everything else as the other handler tests (fakeBrowser,
 * fake-indexeddb, in-memory shred keys).
 */
export function makeOpenApiDeps(now: number, fixtureOptions: OpenApiFixtureOptions = {}): OpenApiTestDeps {
  const clock = { now };
  const fixture = createOpenApiFixture({ now: () => clock.now, ...fixtureOptions });
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  const deps: OpenApiTestDeps = {
    ...testBrowserPorts,
    db,
    shredKeys: memoryShredKeys(memoryShredFiles(), db),
    clock,
    now: () => clock.now,
    fixture,
    granted: new Set(),
    alarms: [],
    notified: 0,
    notifyChanged: vi.fn(async () => {
      deps.notified++;
    }),
    openApi: {
      transport: {
        post: async (_url, body) => {
          const { status, json } = fixture.answer(body);
          return { status, text: JSON.stringify(json) };
        },
      },
      hasHostAccess: async (region) => deps.granted.has(region),
      removeHostAccess: async () => deps.granted.clear(),
      sleep: async (ms) => {
        clock.now += ms;
      },
      scheduleSync: async (minutes) => {
        deps.alarms.push(minutes);
      },
    },
  };
  return deps;
}
