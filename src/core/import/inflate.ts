import { Gunzip, Inflate } from 'fflate';

/** Thrown when compressed data unpacks to more than its limit, or is not readable. */
export class InflateError extends Error {
  override name = 'InflateError';
  constructor(
    message: string,
    readonly reason: 'too-large' | 'damaged',
    /** Bytes unpacked before the stream was stopped. */
    readonly produced: number,
  ) {
    super(message);
  }
}

/** The size a gzip member's trailer gives (modulo 4 GB, as gzip writes it): only a claim. */
export function gzipClaimedSize(bytes: Uint8Array): number {
  const at = bytes.length - 4;
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

/**
 * Compressed bytes handed to the inflater at a time. One push unpacks at most
 * about 1,032 times its input, so the output can overshoot the limit by at most
 * this many bytes times that before it is stopped.
 */
export const SLICE = 4_096;

/**
 * Unpacks deflate data (raw, or gzip with `format: 'gzip'`) and stops as soon
 * as the output passes `limit` bytes, so forged sizes cost no more work than
 * the limit allows: the stream is cut, never inflated whole and then checked.
 * Gzip data must end with its trailer and unpack to the size that trailer
 * gives. Throws InflateError ('too-large' or 'damaged').
 */
export function inflateWithLimit(bytes: Uint8Array, limit: number, format: 'deflate' | 'gzip' = 'deflate'): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = format === 'gzip' ? new Gunzip() : new Inflate();
  stream.ondata = (chunk, final) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
    if (final) ended = true;
  };
  try {
    for (let at = 0; at < bytes.length && total <= limit; at += SLICE) {
      const end = Math.min(bytes.length, at + SLICE);
      stream.push(bytes.subarray(at, end), end === bytes.length);
    }
    if (bytes.length === 0) stream.push(bytes, true);
  } catch {
    throw new InflateError('the compressed data is damaged', 'damaged', total);
  }
  if (total > limit) throw new InflateError(`the compressed data unpacks to more than ${limit} bytes`, 'too-large', total);
  if (!ended) throw new InflateError('the compressed data ends too early', 'damaged', total);
  if (format === 'gzip' && (bytes.length < 18 || total !== gzipClaimedSize(bytes))) throw new InflateError('the gzip data is cut short or damaged', 'damaged', total);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
