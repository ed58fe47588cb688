/**
 * Draws the app icon (a leaf on a green rounded square) and writes it as PNG
 * in every size electron-builder and the window want: resources/icon.png
 * (1024), resources/icons/NxN.png and src/public/favicon.png.
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Colour of the icon at (u, v) in 0..1, or null for transparent. */
function shade(u: number, v: number): [number, number, number] | null {
  const r = 0.2;
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r - 0.02), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r - 0.02), 0);
  if (dx * dx + dy * dy > r * r) return null;
  // Leaf: the lens between two circles, turned 45 degrees.
  const cx = u - 0.5;
  const cy = v - 0.5;
  const a = (cx + cy) / Math.SQRT2;
  const b = (cx - cy) / Math.SQRT2;
  const d = 0.22;
  const radius = 0.36;
  const inLeaf = (a * a + (b - d) ** 2 < radius * radius) && (a * a + (b + d) ** 2 < radius * radius);
  if (inLeaf) {
    if (Math.abs(b) < 0.012 && Math.abs(a) < 0.24) return [47, 107, 58];
    return [214, 236, 200];
  }
  if (Math.abs(b) < 0.014 && a > 0.2 && a < 0.34) return [214, 236, 200];
  return [47, 107, 58];
}

function draw(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          alpha++;
        }
      }
      const i = (y * size + x) * 4;
      if (alpha > 0) {
        out[i] = Math.round(red / alpha);
        out[i + 1] = Math.round(green / alpha);
        out[i + 2] = Math.round(blue / alpha);
      }
      out[i + 3] = Math.round((alpha / (samples * samples)) * 255);
    }
  }
  return out;
}

function write(path: string, size: number): void {
  const full = resolve(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, png(size, draw(size)));
}

write('resources/icon.png', 1024);
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) write(`resources/icons/${size}x${size}.png`, size);
write('src/public/favicon.png', 64);
