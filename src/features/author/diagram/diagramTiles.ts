// The flow diagram on A4 paper: never shrunk below a legible size, but cut
// into page-sized tiles read left to right, top to bottom. At the smallest
// scale step text of 14 px prints at about 9 px (7 pt).

/** A4 portrait inside 15 mm margins, in CSS px at 96 per inch, less room for the "Flow, part n" line. */
export const A4_TILE = { width: 680, height: 900 } as const;
export const MIN_PRINT_SCALE = 0.65;

export interface DiagramTile {
  /** The part of the diagram (in its own units) this tile shows. */
  x: number;
  y: number;
  width: number;
  height: number;
  row: number;
  column: number;
}

export interface TiledDiagram {
  scale: number;
  rows: number;
  columns: number;
  tiles: DiagramTile[];
}

export function diagramTiles(width: number, height: number, page: { width: number; height: number } = A4_TILE): TiledDiagram {
  const scale = Math.min(1, Math.max(MIN_PRINT_SCALE, page.width / Math.max(width, 1)));
  const tileWidth = page.width / scale;
  const tileHeight = page.height / scale;
  const columns = Math.max(1, Math.ceil(width / tileWidth - 1e-9));
  const rows = Math.max(1, Math.ceil(height / tileHeight - 1e-9));
  const tiles: DiagramTile[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const x = column * tileWidth;
      const y = row * tileHeight;
      tiles.push({ x, y, width: Math.min(tileWidth, width - x), height: Math.min(tileHeight, height - y), row, column });
    }
  }
  return { scale, rows, columns, tiles };
}
