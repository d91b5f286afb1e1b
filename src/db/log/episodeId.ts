// Episode ids are UUID version 7 (RFC 9562): random, but starting with the
// creation time, so one key range of the events table holds a date range's
// episodes and an export reads them in one pass instead of one query each.

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

export function newEpisodeId(atMs: number): string {
  const time = Math.max(0, Math.min(Math.floor(atMs), 2 ** 48 - 1));
  const random = globalThis.crypto.getRandomValues(new Uint8Array(10));
  const bytes = Array.from(random, (byte) => hex(byte, 2));
  const timeHex = hex(time, 12);
  const version = `7${bytes[0]!.slice(1)}${bytes[1]}`;
  const variant = `${hex((random[2]! & 0x3f) | 0x80, 2)}${bytes[3]}`;
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8)}-${version}-${variant}-${bytes.slice(4).join('')}`;
}

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isTimeOrderedId(id: string): boolean {
  return V7.test(id);
}

/** The smallest id an episode started at `atMs` can have: its time prefix. */
export function idPrefix(atMs: number): string {
  const time = hex(Math.max(0, Math.min(Math.floor(atMs), 2 ** 48 - 1)), 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-`;
}

const TIME_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-/;

/** The time (epoch ms) a time-ordered id begins with; NaN when it has no such prefix. */
export function idTime(id: string): number {
  return TIME_PREFIX.test(id) ? parseInt(id.slice(0, 8) + id.slice(9, 13), 16) : NaN;
}
