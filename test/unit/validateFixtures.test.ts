import assert from 'node:assert/strict';
import { actualFor, loadFixtures, rewriteExpectations, updating } from './helpers/fixtures';

describe('fixture plans: diagnostics by code and position, through both YAML engines', () => {
  for (const dir of ['plans/valid', 'plans/invalid']) {
    for (const fx of loadFixtures(dir)) {
      it(`${dir}/${fx.name}`, () => {
        const fast = actualFor(fx, { engine: 'fast' });
        if (updating) rewriteExpectations(fx, fast);
        else assert.deepEqual(fast, fx.expected);
        assert.deepEqual(actualFor(fx, { engine: 'yaml' }), fast, 'the yaml engine must agree with the fast engine');
        if (dir === 'plans/valid') assert.equal(fast.filter((d) => d.startsWith('error')).length, 0);
        else assert.ok(fast.length > 0, 'an invalid fixture must produce a diagnostic');
      });
    }
  }
});
