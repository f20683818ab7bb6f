import { badUserInput } from "@venta/kit";

/**
 * A word: a run of letters, digits and combining marks. These are the characters SQLite's unicode61
 * tokenizer keeps; everything else (quotes, `*`, `-`, parentheses, ...) separates words. Splitting
 * the user's text this way is what keeps it from ever being read as FTS5 or `$text` syntax.
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}/gu;

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 8;

/** Lower-case without diacritics ("Jalapeño" → "jalapeno"), as unicode61 with remove_diacritics folds. */
export function fold(word: string): string {
  return word.normalize("NFD").replace(MARKS, "").toLowerCase();
}

export interface Word {
  /** The folded word. */
  word: string;
  /** Where it is in the original text, in UTF-16 code units. */
  start: number;
  end: number;
}

/** The words of a text, folded, with their place in the text. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    if (word.length > 0) words.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** The distinct folded words of a text, for MongoDB's prefix matching. */
export function foldedWords(text: string | null | undefined): string[] {
  return text ? [...new Set(wordsOf(text).map((w) => w.word))] : [];
}

/**
 * The terms of what a customer typed: folded words, in order. The last one is treated as a prefix
 * (they may still be typing it). Refuses input with no word at all, or too much of it.
 */
export function queryTerms(query: string): string[] {
  if (query.length > MAX_QUERY_LENGTH)
    throw badUserInput(`query must be at most ${MAX_QUERY_LENGTH} characters`, "query");
  const terms = wordsOf(query).map((w) => w.word);
  if (terms.length === 0) throw badUserInput("query must contain at least one letter or digit", "query");
  if (terms.length > MAX_QUERY_TERMS)
    throw badUserInput(`query must have at most ${MAX_QUERY_TERMS} words`, "query");
  return terms;
}

/** Whether a folded word matches a term: exactly, or by prefix for the term being typed. */
export function wordMatches(word: string, term: string, isPrefix: boolean): boolean {
  return isPrefix ? word.startsWith(term) : word === term;
}
