/**
 * Keep yaml, ajv and mermaid, the libraries the bundles carry to users (development
 * dependencies, as everything is bundled: the .vsix and the CLI package install nothing), at
 * versions without known advisories
 * (yaml >= 2.8.3, ajv >= 8.18, mermaid >= 11.15 at the time of writing). Both the declared
 * range and the installed version must respect the floor. `npm run audit` asks the registry
 * for newer advisories where its audit endpoint is reachable.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const FLOORS: Record<string, string> = { yaml: '2.8.3', ajv: '8.18.0', mermaid: '11.15.0' };

const parts = (v: string) =>
  v
    .replace(/^[^\d]*/, '')
    .split(/[.+-]/)
    .slice(0, 3)
    .map(Number);
function atLeast(v: string, floor: string): boolean {
  const [a, b] = [parts(v), parts(floor)];
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
}

describe('the bundled libraries respect the advisory floors', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('nothing is installed with the package: every library is bundled', () => {
    assert.equal(pkg.dependencies, undefined);
  });

  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`${name} >= ${floor}, declared and installed`, () => {
      const declared = pkg.devDependencies[name];
      assert.ok(declared, `${name} is declared`);
      assert.match(declared, /^\^/, `${name}: a caret range from the floor`);
      assert.ok(atLeast(declared, floor), `${name} is declared as ${declared}, below ${floor}`);
      const installed = (
        JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
      ).version;
      assert.ok(atLeast(installed, floor), `${name} ${installed} is installed, below ${floor}`);
    });
  }
});
