/** One page of a keyset-paged list, as every store returns it. */
export interface Page<T> {
  records: T[];
  /** Whether the list goes on past the last record. */
  hasNextPage: boolean;
}

/**
 * Stores read one row more than the page (`pageLimit`) so they can tell whether another page
 * follows without counting; `pageOf` drops that extra row and maps the rest.
 */
export function pageOf<Row, T>(rows: readonly Row[], first: number, toRecord: (row: Row) => T): Page<T> {
  return { records: rows.slice(0, first).map(toRecord), hasNextPage: rows.length > first };
}

/** The number of rows a page of `first` reads: one more than it returns (see `pageOf`). */
export function pageLimit(first: number): number {
  return first + 1;
}
