/**
 * The position grid: how many indexed vendors have their index corner in each cell of a fixed
 * lat/lng grid, kept beside the R*Tree in the same transactions. SQLite's R*Tree keeps no counts in
 * its nodes, so `count(*)` over a region visits every entry in it (tens of thousands for a 5 km
 * city search); summing the grid's cells reads one row per cell instead.
 */

/** Cells per degree: 2¹⁰, so cell edges are exact binary fractions (about 110 m of latitude). */
export const GRID_CELLS_PER_DEGREE = 1024;

/** The grid row or column holding a coordinate (exact: scaling by a power of two loses nothing). */
export const gridLine = (degrees: number): number => Math.floor(degrees * GRID_CELLS_PER_DEGREE);

const TOWARD_ZERO = 1 - 1 / 8_388_608;
const AWAY_FROM_ZERO = 1 + 1 / 8_388_608;

/**
 * The lower corner SQLite's R*Tree stores for a coordinate: the float32 at or below it
 * (`rtreeValueDown` in SQLite's rtree.c), so a vendor is counted in the cell the index puts it in.
 */
export function storedCorner(degrees: number): number {
  const rounded = Math.fround(degrees);
  if (rounded <= degrees) return rounded;
  return Math.fround(degrees * (degrees < 0 ? AWAY_FROM_ZERO : TOWARD_ZERO));
}

/** A cell of the grid, by row (latitude) and column (longitude). */
export interface GridCell {
  row: number;
  col: number;
}

/** The cell an index entry at this position is counted in. */
export const gridCellOf = (lat: number, lng: number): GridCell => ({
  row: gridLine(storedCorner(lat)),
  col: gridLine(storedCorner(lng)),
});

/** A run of cells in one row, columns `[fromCol, toCol)`, whose vendors are counted together. */
export type GridRun = [row: number, fromCol: number, toCol: number];
