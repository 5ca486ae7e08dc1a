/**
 * A minimal PNG encoder and reader on node:zlib, so the icons can be drawn by code and checked by
 * a test with no image library. The encoder writes 8-bit RGBA with filter 0 on every row: the
 * same pixels always give the same bytes (for a given zlib), which the "regenerate equals
 * committed" test relies on. The reader undoes all five filters, so it also reads PNGs that an
 * image editor wrote, as long as they are 8-bit RGBA or RGB and not interlaced.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG colour types: 2 = RGB, 6 = RGB with alpha. */
export const COLOUR_TYPE_RGB = 2;
export const COLOUR_TYPE_RGBA = 6;

export interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  /** width × height × 4 bytes, RGBA, row by row (alpha 255 for RGB images). */
  rgba: Uint8Array;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = COLOUR_TYPE_RGBA;
  // bytes 10-12 stay 0: deflate, adaptive filtering, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height); // each row starts with its filter byte, 0 = none
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the row filters of 8-bit samples, `channels` bytes per pixel. */
function unfilter(raw: Buffer, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter} in row ${y}`);
      out[y * stride + x] = (value + predictor) & 255;
    }
  }
  return out;
}

export function readPng(buffer: Buffer): Png {
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  if (buffer.toString('latin1', 12, 16) !== 'IHDR') throw new Error('a PNG must start with its IHDR chunk');
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const bitDepth = buffer[24] ?? 0;
  const colourType = buffer[25] ?? 0;
  const interlace = buffer[28] ?? 0;
  const data: Buffer[] = [];
  for (let offset = 8; offset + 8 <= buffer.length;) {
    const length = buffer.readUInt32BE(offset);
    if (buffer.toString('latin1', offset + 4, offset + 8) === 'IDAT') data.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const channels = colourType === COLOUR_TYPE_RGBA ? 4 : colourType === COLOUR_TYPE_RGB ? 3 : 0;
  if (bitDepth !== 8 || channels === 0 || interlace !== 0) {
    throw new Error(`only 8-bit RGB(A) non-interlaced PNGs are read (bit depth ${bitDepth}, colour type ${colourType})`);
  }
  const pixels = unfilter(inflateSync(Buffer.concat(data)), width, height, channels);
  if (channels === 4) return { width, height, bitDepth, colourType, rgba: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([pixels[i * 3] ?? 0, pixels[i * 3 + 1] ?? 0, pixels[i * 3 + 2] ?? 0, 255], i * 4);
  return { width, height, bitDepth, colourType, rgba };
}
