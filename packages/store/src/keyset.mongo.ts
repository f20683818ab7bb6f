/** A keyset order over document fields, as `find().sort()` takes it: the last field breaks ties. */
export type KeysetSort<Field extends string> = Readonly<Record<Field, 1 | -1>>;

/**
 * The filter for the documents after `key` in `sort` order, for keyset paging: later in the first
 * field, or equal in it and later in the next, and so on. `key` holds the last returned document's
 * value of every sort field. Built from the sort itself, the filter cannot disagree with it.
 */
export function keysetAfter<Field extends string>(
  sort: KeysetSort<Field>,
  key: Readonly<Record<Field, unknown>>,
): { $or: Record<string, unknown>[] } {
  const fields = Object.keys(sort) as Field[];
  return {
    $or: fields.map((field, index) => {
      const clause: Record<string, unknown> = {};
      for (const tied of fields.slice(0, index)) clause[tied] = key[tied];
      clause[field] = { [sort[field] === 1 ? "$gt" : "$lt"]: key[field] };
      return clause;
    }),
  };
}
