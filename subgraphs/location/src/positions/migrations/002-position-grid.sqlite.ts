import type { SqliteMigration } from "@venta/store";
import { GRID_CELLS_PER_DEGREE } from "../position-grid.js";

/**
 * Offset that makes every grid line positive before truncating, so CAST rounds down (a floor) for
 * western and southern coordinates too: 2²⁰ is more than 180 × 1024.
 */
const FLOOR_OFFSET = 1_048_576;

const line = (column: string) =>
  `CAST(${column} * ${GRID_CELLS_PER_DEGREE} + ${FLOOR_OFFSET} AS INTEGER) - ${FLOOR_OFFSET}`;

/**
 * The position grid (see position-grid.ts): vendors per cell by their index corner, filled from the
 * index as it stands (the R*Tree hands back the float32 corners it stores).
 */
export const positionGrid: SqliteMigration = {
  version: 2,
  name: "position-grid",
  up(db) {
    db.exec(`
      CREATE TABLE position_grid (
        row INTEGER NOT NULL, col INTEGER NOT NULL, vendors INTEGER NOT NULL, PRIMARY KEY (row, col)
      ) WITHOUT ROWID;
      INSERT INTO position_grid (row, col, vendors)
        SELECT ${line("min_lat")}, ${line("min_lng")}, count(*) FROM position_index GROUP BY 1, 2;
    `);
  },
};
