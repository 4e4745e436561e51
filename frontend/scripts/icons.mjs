// Draws the app's icons (a white check mark on the brand green, as public/icon.svg shows it) into
// the PNG files the web app manifest and iOS ask for, with no image library: each pixel's
// coverage is sampled 4×4 and the PNG written by hand. Run after changing the drawing:
// `node scripts/icons.mjs`; the files it writes are committed.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const GREEN = [0x2f, 0x6f, 0x52];
const WHITE = [0xff, 0xff, 0xff];
// The check mark of the app (its path "M5 12.5l4.5 4.5L19 7.5"), on a 24-unit square.
const CHECK = [
  [5, 12.5],
  [9.5, 17],
  [19, 7.5],
];
const STROKE = 2.6;
const SAMPLES = 4;

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The colour at a point of the 24-unit square: `maskable` fills the whole square (the platform
 * crops it to its own shape, so the mark keeps to the middle 80 %); otherwise a disc on clear.
 */
function paint(x, y, maskable) {
  const scale = maskable ? 0.62 : 0.82;
  const u = 12 + (x - 12) / scale;
  const v = 12 + (y - 12) / scale;
  const onCheck =
    distanceToSegment([u, v], CHECK[0], CHECK[1]) <= STROKE / 2 ||
    distanceToSegment([u, v], CHECK[1], CHECK[2]) <= STROKE / 2;
  if (maskable) return onCheck ? WHITE : GREEN;
  if (Math.hypot(x - 12, y - 12) > 11.5) return null;
  return onCheck ? WHITE : GREEN;
}

function rasterize(size, maskable) {
  const pixels = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    const start = row * (size * 4 + 1);
    pixels[start] = 0; // filter: none
    for (let column = 0; column < size; column++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((column + (sx + 0.5) / SAMPLES) / size) * 24;
          const y = ((row + (sy + 0.5) / SAMPLES) / size) * 24;
          const colour = paint(x, y, maskable);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const offset = start + 1 + column * 4;
      for (let channel = 0; channel < 3; channel++)
        pixels[offset + channel] = covered ? Math.round(sum[channel] / covered) : 0;
      pixels[offset + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, maskable) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rasterize(size, maskable), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "public");
const icons = [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
  // iOS draws its own rounded corners on a full square.
  ["apple-touch-icon.png", 180, true],
];
for (const [name, size, maskable] of icons) {
  writeFileSync(join(out, name), png(size, maskable));
  console.log(`wrote public/${name} (${size}×${size}${maskable ? ", maskable" : ""})`);
}
