// Reads the module grid back out of a QR code PNG and compares it with the grid `qrcode` builds
// for a text: equal grids mean the image encodes exactly that text (version, mask, data, ECC).
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/** A minimal PNG reader (8-bit greyscale/RGB/RGBA, non-interlaced): enough for QR images. */
function readPng(png: Buffer): { width: number; height: number; dark(x: number, y: number): boolean } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9] as number] ?? 0;
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] as number;
      const a = i >= channels ? (out[y * stride + i - channels] as number) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + i] as number) : 0;
      const c = i >= channels && y > 0 ? (out[(y - 1) * stride + i - channels] as number) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] as number;
      out[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, dark: (x, y) => (out[y * stride + x * channels] as number) < 128 };
}

export function pngEncodes(png: Buffer, text: string, options: { margin: number }): boolean {
  const image = readPng(png);
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = image.width / (size + 2 * options.margin);
  if (!Number.isInteger(scale) || image.width !== image.height) return false;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      // Sample the centre of each module.
      const x = Math.floor((col + options.margin + 0.5) * scale);
      const y = Math.floor((row + options.margin + 0.5) * scale);
      const dark = image.dark(x, y);
      if (dark !== Boolean(qr.modules.get(row, col))) return false;
    }
  }
  return true;
}
