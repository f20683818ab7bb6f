import type { ReviewFlag } from "./review.record.js";

/**
 * The default blocked words: a short list of slurs and obscenities. Real lists are longer and
 * local; operators pass their own to the service. Matching is per whole word or phrase.
 */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  "asshole",
  "bastard",
  "bitch",
  "cunt",
  "dickhead",
  "fuck",
  "fucking",
  "motherfucker",
  "shit",
  "wanker",
];

export interface ReviewModerationOptions {
  /** Whole words or phrases, matched case-insensitively. */
  blockedWords: readonly string[];
  /** A review is held when its author wrote more than this many within `burstWindowMs`. */
  burstLimit: number;
  burstWindowMs: number;
}

export const DEFAULT_MODERATION: ReviewModerationOptions = {
  blockedWords: DEFAULT_BLOCKED_WORDS,
  burstLimit: 5,
  burstWindowMs: 10 * 60_000,
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One pattern for the whole list. A "word boundary" is any non-letter, non-digit, so that "Shitake"
 * or "scrapbook" pass while "SHIT!" does not; JavaScript's `\b` knows only ASCII letters.
 */
export function blockedWordsPattern(words: readonly string[]): RegExp | null {
  const alternatives = words
    .map((word) => word.trim().replace(/\s+/g, " "))
    .filter((word) => word.length > 0)
    .map((word) => escapeRegExp(word).replace(/ /g, "\\s+"));
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "iu");
}

/** A web address (with a scheme or starting with www.) or an e-mail address. */
const LINK = /\b(?:https?:\/\/|www\.)\S|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/iu;

export const containsLink = (text: string): boolean => LINK.test(text);

/** The automatic flags of a review's text; BURST depends on the author's recent activity, given. */
export function flagsOf(text: string, blocked: RegExp | null, burst: boolean): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (blocked?.test(text)) flags.push("BLOCKED_WORD");
  if (containsLink(text)) flags.push("LINK");
  if (burst) flags.push("BURST");
  return flags;
}
