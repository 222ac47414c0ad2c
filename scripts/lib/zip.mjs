// A small zip reader (a .vsix is a zip): the entries from the central directory, and the
// content of one entry (stored or deflated).
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

function centralDirectory(buf, file) {
  // End of central directory record: signature 0x06054b50, within the last 64 KB + 22 bytes.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50)
      return { count: buf.readUInt16LE(i + 10), offset: buf.readUInt32LE(i + 16) };
  }
  throw new Error(`${file}: not a zip file (no end of central directory)`);
}

function entries(buf, file) {
  const { count, offset } = centralDirectory(buf, file);
  const out = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeader: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** [{ name, size, compressedSize }] of every entry, in the order of the central directory. */
export function listZip(file) {
  return entries(readFileSync(file), file).map(({ name, size, compressedSize }) => ({ name, size, compressedSize }));
}

/** The content of the entry `name` as a Buffer. */
export function readZipEntry(file, name) {
  const buf = readFileSync(file);
  const e = entries(buf, file).find((x) => x.name === name);
  if (!e) throw new Error(`${file}: no entry ${name}`);
  const h = e.localHeader;
  if (buf.readUInt32LE(h) !== 0x04034b50) throw new Error(`${file}: bad local header for ${name}`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  if (e.method === 8) return inflateRawSync(data);
  throw new Error(`${file}: ${name} uses compression method ${e.method}`);
}
