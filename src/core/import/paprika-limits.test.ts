import { deflateSync, gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InflateError, SLICE, inflateWithLimit } from './inflate';
import { ImportError, openPaprikaExport, parsePaprikaExport, readPaprikaEntry } from './index';

const MB = 1024 * 1024;

/**
 * Raw deflate data that unpacks to `prefix` (ASCII) and then about
 * `megabytes` MB more of its last character: one fixed-Huffman block of
 * literals and then copies of 258 bytes at distance 1 (13 bits each, about
 * 160:1). One block with no stored parts, so an inflater given a fixed output
 * buffer keeps decoding it to the end.
 */
function deflateBomb(megabytes: number, prefix = '\0'): Uint8Array {
  const matches = Math.ceil((megabytes * MB) / 258);
  const out = new Uint8Array(Math.ceil((3 + prefix.length * 8 + matches * 13 + 7) / 8) + 1);
  let bit = 0;
  // Bits go in least significant first; Huffman codes are written reversed, most significant bit first.
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i += 1, bit += 1) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  const reversed = (code: number, count: number) => {
    let value = 0;
    for (let i = 0; i < count; i += 1) value |= ((code >> (count - 1 - i)) & 1) << i;
    return value;
  };
  put(1, 1); // last block
  put(1, 2); // fixed Huffman codes
  for (const char of prefix) put(reversed(0x30 + char.charCodeAt(0), 8), 8); // literals 0–143
  const match = reversed(0xc5, 8) | (reversed(0, 5) << 8); // length 258, distance 1
  for (let i = 0; i < matches; i += 1) {
    const at = bit >> 3;
    const value = match << (bit & 7);
    out[at] |= value & 0xff;
    out[at + 1] |= (value >> 8) & 0xff;
    out[at + 2] |= (value >> 16) & 0xff;
    bit += 13;
  }
  put(reversed(0, 7), 7); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}

/** A gzip member around raw deflate data whose trailer claims `claimed` bytes. */
function gzipAround(deflated: Uint8Array, claimed: number): Uint8Array {
  const out = new Uint8Array(10 + deflated.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  out.set(deflated, 10);
  const view = new DataView(out.buffer);
  view.setUint32(out.length - 4, claimed, true);
  return out;
}

describe('inflate with a hard output limit', () => {
  it('unpacks data within its limit', () => {
    const text = strToU8('{"name":"Oats"}'.repeat(1000));
    expect(inflateWithLimit(deflateSync(text), text.length)).toEqual(text);
    expect(inflateWithLimit(gzipSync(text), text.length, 'gzip')).toEqual(text);
  });

  it('stops a stream that unpacks past the limit instead of unpacking it whole', () => {
    const bomb = deflateBomb(512); // 512 MB of zeros from about 3 MB
    const small = inflateWithLimit(deflateBomb(1, 'ab'), 2 * MB);
    const expected = new Uint8Array(Math.ceil(MB / 258) * 258 + 2).fill(0x62).fill(0x61, 0, 1);
    expect(Buffer.compare(small, expected)).toBe(0);
    let error: unknown;
    try {
      inflateWithLimit(bomb, 16 * MB);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InflateError);
    expect((error as InflateError).reason).toBe('too-large');
    // Stopped within one slice of input past the limit, not after unpacking all 512 MB.
    expect((error as InflateError).produced).toBeLessThanOrEqual(16 * MB + SLICE * 1_100);
  });

  it('refuses damaged and truncated data', () => {
    const good = deflateSync(strToU8('hello hello hello'));
    expect(() => inflateWithLimit(good.subarray(0, good.length - 3), 1_000)).toThrow(InflateError);
    expect(() => inflateWithLimit(new Uint8Array([0xff, 0xff, 0xff]), 1_000)).toThrow(InflateError);
    expect(() => inflateWithLimit(new Uint8Array([0x1f, 0x8b, 8, 0]), 1_000, 'gzip')).toThrow(InflateError);
  });
});

describe('Paprika export with forged sizes', () => {
  // Each entry is a gzip of 3.4 MB whose trailer says 1,000 bytes but which unpacks to 512 MB: 10 GB
  // in all from a 68 MB file. Its first 1,000 bytes are a recipe, so a reader that unpacks to the end
  // and keeps what the trailer claims takes a minute or more and then reads 20 recipes.
  const entry = gzipAround(deflateBomb(512, '{"name":"Forged"} '), 1_000);
  const forged = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`r${i}.paprikarecipe`, entry])), { level: 0 });

  it('refuses every forged recipe, stopping each at the size it claims', { timeout: 20_000 }, () => {
    expect(forged.length).toBeGreaterThan(60 * MB);
    expect(() => parsePaprikaExport(forged)).toThrow(new ImportError('Paprika export: recipe "r0.paprikarecipe" is not readable gzip data'));
    const entries = openPaprikaExport(forged);
    expect(entries).toHaveLength(20);
    for (const item of entries) expect(() => readPaprikaEntry(forged, item)).toThrow(/is not readable gzip data$/);
  });

  it('refuses a zip entry that unpacks past the size its file list gives', () => {
    const good = zipSync({ 'a.paprikarecipe': strToU8('{"name":"A","ingredients":"1 egg"}'.padEnd(5_000, ' ')) }, { level: 9 });
    expect(parsePaprikaExport(good)[0].name).toBe('A');
    // Lower the size in both headers: the data now unpacks to more than the list says.
    const forgedSize = good.slice();
    const view = new DataView(forgedSize.buffer);
    for (let at = 0; at + 4 <= forgedSize.length; at += 1) {
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 100, true);
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 100, true);
    }
    expect(() => parsePaprikaExport(forgedSize)).toThrow(new ImportError('Paprika export: recipe "a.paprikarecipe" is too large or damaged'));
  });
});
