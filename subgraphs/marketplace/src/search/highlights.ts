import type { SearchDocument } from "./search.record.js";
import { wordMatches, wordsOf } from "./search-terms.js";

export type HighlightField = "NAME" | "CUISINE" | "MENU_ITEM" | "MENU_ITEM_DESCRIPTION" | "DESCRIPTION";

export interface HighlightRange {
  start: number;
  length: number;
}

export interface Highlight {
  field: HighlightField;
  text: string;
  ranges: HighlightRange[];
}

/** At most this many highlights per vendor: enough to say why it matched. */
export const MAX_HIGHLIGHTS = 5;
/** Long texts are cut to this many characters around the first match. */
export const SNIPPET_LENGTH = 160;

/** Where the query's terms occur in a text (the last term by prefix), in UTF-16 code units. */
function rangesIn(text: string, terms: readonly string[]): HighlightRange[] {
  const last = terms.length - 1;
  return wordsOf(text)
    .filter((w) => terms.some((term, i) => wordMatches(w.word, term, i === last)))
    .map((w) => ({ start: w.start, length: w.end - w.start }));
}

/** The part of a long text around its first match, marked with ellipses, ranges moved along. */
function snippet(text: string, ranges: HighlightRange[]): { text: string; ranges: HighlightRange[] } {
  if (text.length <= SNIPPET_LENGTH) return { text, ranges };
  const first = ranges[0]?.start ?? 0;
  const from = Math.max(0, Math.min(first - SNIPPET_LENGTH / 4, text.length - SNIPPET_LENGTH));
  const to = from + SNIPPET_LENGTH;
  const head = from > 0 ? "…" : "";
  return {
    text: `${head}${text.slice(from, to)}${to < text.length ? "…" : ""}`,
    ranges: ranges
      .filter((r) => r.start >= from && r.start + r.length <= to)
      .map((r) => ({ start: r.start - from + head.length, length: r.length })),
  };
}

/**
 * Why a vendor matched: the texts holding a query term, most important field first, with where the
 * terms are. Computed from the indexed text, the same way whatever the index adapter.
 */
export function highlightsOf(doc: SearchDocument, terms: readonly string[]): Highlight[] {
  const texts: [HighlightField, string][] = [
    ["NAME", doc.name],
    ...doc.cuisines.map((c): [HighlightField, string] => ["CUISINE", c]),
    ...doc.menu.flatMap((item): [HighlightField, string][] => [
      ["MENU_ITEM", item.name],
      ...(item.description ? [["MENU_ITEM_DESCRIPTION", item.description] as [HighlightField, string]] : []),
    ]),
    ...(doc.description ? [["DESCRIPTION", doc.description] as [HighlightField, string]] : []),
  ];
  const highlights: Highlight[] = [];
  for (const [field, text] of texts) {
    const ranges = rangesIn(text, terms);
    if (ranges.length === 0) continue;
    highlights.push({ field, ...snippet(text, ranges) });
    if (highlights.length === MAX_HIGHLIGHTS) break;
  }
  return highlights;
}
