// Hashes as the exports write them: many packs' bytes turned into hex in one
// pass must give each pack exactly its own digits.
import { describe, expect, it } from 'vitest';
import { hexOfHashes } from '../../../src/db/packs';

const plainHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

describe('hashes as hex', () => {
  it('gives each pack its own digits, whatever the bytes and however many packs', () => {
    const every = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    const random = globalThis.crypto.getRandomValues(new Uint8Array(32 * 7));
    const packs = [every, new Uint8Array(0), random, every.slice(0, 32)];
    expect(hexOfHashes(packs)).toEqual(packs.map(plainHex));
    expect(hexOfHashes([])).toEqual([]);
  });
});
