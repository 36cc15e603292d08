import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** docs/licenses.md (npm run licenses) stays true of package.json and node_modules (issue 16). */
const root = path.resolve(__dirname, '../..');
const rows = fs
  .readFileSync(path.join(root, 'docs/licenses.md'), 'utf8')
  .split('\n')
  .filter((line) => /^\| [@a-z]/.test(line) && !line.startsWith('| package |'))
  .map((line) => line.split('|').map((cell) => cell.trim()))
  .map(([, name, version, license]) => ({ name: name!, version: version!, license: license! }));
// Licences that allow shipping the code in a closed-source extension with a notice (MPL-2.0: files unchanged).
const ACCEPTED = /^\(?(MIT|Apache-2\.0|OFL-1\.1|0BSD|MPL-2\.0|ISC|BSD-[23]-Clause|Zlib)( AND (MIT|Zlib|ISC))?\)?$/;

describe('docs/licenses.md (shipped dependencies)', () => {
  it('lists every runtime dependency of package.json', () => {
    const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies);
    expect(deps.filter((d) => !rows.some((r) => r.name === d))).toEqual([]);
  });

  it('names the installed version of each package and a licence that allows shipping it', () => {
    for (const row of rows) {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', row.name, 'package.json'), 'utf8'));
      expect(`${row.name}@${row.version}`).toBe(`${row.name}@${pkg.version}`);
      expect(row.license, row.name).toMatch(ACCEPTED);
    }
  });
});
