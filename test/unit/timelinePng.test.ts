/** The PNG export's checks on what the page sends (src/shared/png.ts, used by the timeline's exportPng.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromBase64, pngSize } from '../../src/shared/png';

const ICON = readFileSync(path.join(__dirname, '../../../media/icon.png'));

describe('the timeline as a PNG', () => {
  it('reads the size of a real PNG, from its base64 text', () => {
    const bytes = fromBase64(ICON.toString('base64'));
    assert.deepEqual(Buffer.from(bytes), ICON);
    assert.deepEqual(pngSize(bytes), { width: 128, height: 128 });
  });

  it('refuses bytes that are not a PNG image: nothing is written', () => {
    assert.equal(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(pngSize(ICON.subarray(0, 20)), undefined, 'cut short');
    const wrongChunk = Buffer.from(ICON);
    wrongChunk.write('IDAT', 12, 'latin1');
    assert.equal(pngSize(wrongChunk), undefined, 'no header chunk first');
    const empty = Buffer.from(ICON);
    empty.writeUInt32BE(0, 16);
    assert.equal(pngSize(empty), undefined, 'no width');
  });
});
