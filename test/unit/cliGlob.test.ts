/** src/cli/glob.ts and src/cli/paths.ts: the small glob matcher and path arithmetic. */
import assert from 'node:assert/strict';
import { expandBraces, hasMagic, matchSegment, matchSegments, mayMatchBelow, splitGlob } from '../../src/cli/glob';
import { isInside, relativePath, resolvePath } from '../../src/cli/paths';

const match = (pattern: string, path: string): boolean => matchSegments(pattern.split('/'), path.split('/'));

describe('cli glob', () => {
  it('* and ? match within one segment', () => {
    assert.ok(matchSegment('*.workback.yaml', 'a.workback.yaml'));
    assert.ok(matchSegment('*', ''));
    assert.ok(matchSegment('a?c', 'abc'));
    assert.ok(!matchSegment('a?c', 'ac'));
    assert.ok(matchSegment('*a*b*', 'xxaxxbxx'));
    assert.ok(!matchSegment('*.yaml', 'a.yml'));
    assert.ok(matchSegment('?', '日'), '? is one character, not one UTF-16 unit');
    assert.ok(matchSegment('[x]', '[x]'), 'brackets are literal');
  });

  it('** matches zero or more whole segments', () => {
    assert.ok(match('**/*.yaml', 'a.yaml'));
    assert.ok(match('**/*.yaml', 'x/y/z/a.yaml'));
    assert.ok(match('plans/**/a.yaml', 'plans/a.yaml'));
    assert.ok(match('plans/**/a.yaml', 'plans/1/2/a.yaml'));
    assert.ok(!match('plans/**/a.yaml', 'other/a.yaml'));
    assert.ok(!match('*/a.yaml', 'x/y/a.yaml'), '* does not cross /');
    assert.ok(match('**', 'x/y'));
    assert.ok(match('a/**/b/**/c', 'a/x/b/y/z/c'));
  });

  it('stays fast on patterns that make backtracking matchers explode', () => {
    const t0 = Date.now();
    assert.ok(!matchSegment('*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)));
    assert.ok(!match(Array(30).fill('**').join('/x/') + '/y', Array(200).fill('x').join('/')));
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  });

  it('expands braces, nested, left to right; unmatched or comma-less braces are literal', () => {
    assert.deepEqual(expandBraces('{a,b}/*.{yaml,yml}'), ['a/*.yaml', 'a/*.yml', 'b/*.yaml', 'b/*.yml']);
    assert.deepEqual(expandBraces('x{a,{b,c}}y'), ['xay', 'xby', 'xcy']);
    assert.deepEqual(expandBraces('a{b'), ['a{b']);
    assert.deepEqual(expandBraces('{x}'), ['{x}']);
    assert.deepEqual(expandBraces('{,a}b'), ['b', 'ab']);
    assert.throws(() => expandBraces('{a,b}'.repeat(20)), /more than 256 alternatives/);
  });

  it('splits a pattern into its literal base directory and the rest', () => {
    assert.deepEqual(splitGlob('plans/2026/**/*.yaml'), { base: 'plans/2026', segments: ['**', '*.yaml'] });
    assert.deepEqual(splitGlob('*.yaml'), { base: '', segments: ['*.yaml'] });
    assert.deepEqual(splitGlob('/abs/*/x'), { base: '/abs', segments: ['*', 'x'] });
    assert.deepEqual(splitGlob('/*.yaml'), { base: '/', segments: ['*.yaml'] });
    assert.deepEqual(splitGlob('a/**/**/b'), { base: 'a', segments: ['**', 'b'] });
    assert.ok(hasMagic('a/*.yaml') && hasMagic('a?') && hasMagic('{a,b}') && !hasMagic('plain/path.yaml'));
  });

  it('prunes directories that cannot hold a match', () => {
    assert.ok(mayMatchBelow(['plans', '*.yaml'], ['plans']));
    assert.ok(!mayMatchBelow(['plans', '*.yaml'], ['docs']));
    assert.ok(!mayMatchBelow(['*', '*.yaml'], ['a', 'b']));
    assert.ok(mayMatchBelow(['a', '**', '*.yaml'], ['a', 'b', 'c']));
  });
});

describe('cli paths', () => {
  it('resolves, relativises and compares /-separated paths', () => {
    assert.equal(resolvePath('/work', 'plans/../x/./a.yaml'), '/work/x/a.yaml');
    assert.equal(resolvePath('/work', '/etc/x'), '/etc/x');
    assert.equal(resolvePath('/work', '..\\..\\up'), '/up');
    assert.equal(resolvePath('C:/work', 'a'), 'C:/work/a');
    assert.equal(relativePath('/work', '/work/plans/a.yaml'), 'plans/a.yaml');
    assert.equal(relativePath('/work/sub', '/work/a.yaml'), '../a.yaml');
    assert.equal(relativePath('/work', '/work'), '.');
    assert.ok(isInside('/work/a', '/work'));
    assert.ok(!isInside('/workshop/a', '/work'));
    assert.ok(isInside('/x', '/'));
  });
});
