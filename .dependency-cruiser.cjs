/**
 * Architecture rules (docs/architecture.md, "What may import what"). Checked by
 * scripts/check-architecture.mjs in `npm run lint`, together with the concern-pair rule
 * (no two utils/ concern folders import each other), which dependency-cruiser cannot express.
 */
const BROWSER_LAYER = '(-adapter|-listeners)\\.tsx?$|^entrypoints/';
const TEST_CODE = '^tests/|^bench/|\\.test\\.tsx?$|(^|/)__fixtures__/';

module.exports = {
  forbidden: [
    {
      name: 'utils-not-to-ui',
      comment: 'utils/ decides; components/ and entrypoints/ present and wire. Logic never reaches up into them.',
      severity: 'error',
      from: { path: '^utils/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'browser-only-in-adapters',
      comment: 'Only *-adapter (a port implementation), *-listeners (event wiring) and entrypoints may touch the browser API.',
      severity: 'error',
      from: { pathNot: `${BROWSER_LAYER}|${TEST_CODE}` },
      to: { path: '^wxt/browser$|^webextension-polyfill$|node_modules/(wxt/dist/browser|webextension-polyfill|@wxt-dev/webextension-polyfill)' },
    },
    {
      name: 'services-get-ports-not-adapters',
      comment: 'A service in utils/ reaches the browser only through BackgroundDeps ports; it never imports an adapter (no hidden defaults).',
      severity: 'error',
      from: { path: '^utils/', pathNot: `${BROWSER_LAYER}|${TEST_CODE}` },
      to: { path: '-adapter\\.tsx?$' },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Shipped code never imports tests, fixtures or test support.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'page-world-stays-small',
      comment: 'The MAIN-world hook runs next to page scripts: it imports only seller-page and capture host facts, never zod, React or storage.',
      severity: 'error',
      from: { path: '^utils/seller-page/(capture-hook|page-bridge|session-requests)\\.ts$' },
      to: { pathNot: '^utils/seller-page/|^utils/capture/seller-center-hosts\\.ts$|^utils/time/' },
    },
    {
      name: 'seller-center-script-stays-small',
      comment:
        'The isolated seller-center script loads on every seller-center page (issue 11: < 15 KB gzipped): no React, no zod, no protocol map or message schemas at run time. Types are free; the background validates with zod.',
      severity: 'error',
      from: { path: '^entrypoints/seller-center\\.content\\.ts$|^utils/seller-page/|^components/banner/', pathNot: TEST_CODE },
      to: {
        path: 'node_modules/(zod|react|react-dom)/|^utils/protocol\\.ts$|-(schema|messages)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
