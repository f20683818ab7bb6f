/** Rows as aligned text: numbers right-aligned so they compare at a glance, labels left-aligned. */
export function alignedTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftAligned: ReadonlySet<number>,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return leftAligned.has(column) ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** Milliseconds with two decimals below 10, one above; "n/a" when there were no samples. */
export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : "n/a");

export const count = (value: number) => Math.round(value).toLocaleString("en-US");

/**
 * What a request cost the process in front (`front`: the router or a stock gateway; none when a
 * subgraph is called directly) and the two subgraphs behind it, in CPU µs: "front / location /
 * marketplace".
 */
export function cpuCell(
  cpu: Readonly<Record<string, number>> | undefined,
  front: string | undefined,
): string {
  if (!cpu) return "";
  const cell = (micros: number | undefined) => (micros === undefined ? "–" : count(micros));
  return `${front === undefined ? "–" : cell(cpu[front])} / ${cell(cpu.location)} / ${cell(cpu.marketplace)}`;
}
