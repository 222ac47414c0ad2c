/**
 * Keep yaml, ajv and mermaid at versions without known advisories
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

describe('production dependencies respect the advisory floors', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`${name} >= ${floor}, declared and installed`, () => {
      const declared = pkg.dependencies[name];
      assert.ok(declared, `${name} is a production dependency`);
      assert.match(declared, /^\^/, `${name}: a caret range from the floor`);
      assert.ok(atLeast(declared, floor), `${name} is declared as ${declared}, below ${floor}`);
      const installed = (
        JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
      ).version;
      assert.ok(atLeast(installed, floor), `${name} ${installed} is installed, below ${floor}`);
    });
  }
});
