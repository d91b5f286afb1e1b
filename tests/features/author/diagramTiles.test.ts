// The printed flow diagram: cut into A4 tiles at a legible scale, never one
// picture shrunk until its words cannot be read.
import { describe, expect, it } from 'vitest';
import { A4_TILE, MIN_PRINT_SCALE, diagramTiles } from '../../../src/features/author/diagram/diagramTiles';

describe('diagram tiles for A4', () => {
  it('prints a small diagram whole, at full size', () => {
    expect(diagramTiles(500, 400)).toEqual({ scale: 1, rows: 1, columns: 1, tiles: [{ x: 0, y: 0, width: 500, height: 400, row: 0, column: 0 }] });
  });

  it('fits a slightly wide diagram to the page width while that stays legible', () => {
    const { scale, columns } = diagramTiles(900, 600);
    expect(scale).toBeCloseTo(A4_TILE.width / 900);
    expect(columns).toBe(1);
  });

  it('cuts a large diagram into tiles at the smallest legible scale that cover all of it, each fitting a page', () => {
    const { scale, rows, columns, tiles } = diagramTiles(2400, 3000);
    expect(scale).toBe(MIN_PRINT_SCALE);
    expect([rows, columns]).toEqual([3, 3]);
    expect(tiles).toHaveLength(9);
    for (const tile of tiles) {
      expect(tile.width * scale).toBeLessThanOrEqual(A4_TILE.width + 1e-6);
      expect(tile.height * scale).toBeLessThanOrEqual(A4_TILE.height + 1e-6);
    }
    const area = tiles.reduce((sum, tile) => sum + tile.width * tile.height, 0);
    expect(area).toBeCloseTo(2400 * 3000);
    expect(Math.max(...tiles.map((t) => t.x + t.width))).toBeCloseTo(2400);
    expect(Math.max(...tiles.map((t) => t.y + t.height))).toBeCloseTo(3000);
  });
});
