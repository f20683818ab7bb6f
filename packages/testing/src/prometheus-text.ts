/** One sample of Prometheus' text format: its name, labels and value. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', n: "\n" };

/** A sample's value as the format writes it: a float, or `+Inf`, `-Inf`, `NaN`. */
function sampleValue(text: string): number {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/**
 * Reads `{name="value",…}` from `line` at `start` (just past the `{`); returns the labels and where
 * the closing brace ends, or null when the line is not well formed.
 */
function readLabels(line: string, start: number): { labels: Record<string, string>; end: number } | null {
  const labels: Record<string, string> = {};
  let at = start;
  for (;;) {
    while (line[at] === " " || line[at] === ",") at += 1;
    if (line[at] === "}") return { labels, end: at + 1 };
    const name = LABEL_NAME.exec(line.slice(at))?.[0];
    if (!name || line[at + name.length] !== "=" || line[at + name.length + 1] !== '"') return null;
    at += name.length + 2;
    let value = "";
    for (;;) {
      const char = line[at];
      if (char === undefined) return null;
      at += 1;
      if (char === '"') break;
      if (char === "\\") {
        const escaped = line[at] ?? "";
        value += ESCAPES[escaped] ?? `\\${escaped}`;
        at += 1;
      } else value += char;
    }
    labels[name] = value;
  }
}

/**
 * The samples of a scrape in Prometheus' text exposition format (what prom-client renders):
 * comments and malformed lines are passed over; a sample's optional timestamp is ignored.
 */
export function parseSamples(text: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const name = NAME.exec(line)?.[0];
    if (!name) continue;
    let at = name.length;
    let labels: Record<string, string> = {};
    if (line[at] === "{") {
      const read = readLabels(line, at + 1);
      if (!read) continue;
      ({ labels } = read);
      at = read.end;
    }
    const [value] = line.slice(at).trim().split(/\s+/);
    if (!value) continue;
    samples.push({ name, labels, value: sampleValue(value) });
  }
  return samples;
}

/** Whether `sample` carries every label of `labels` with the same value. */
export const carries = (sample: PrometheusSample, labels: Record<string, string>): boolean =>
  Object.entries(labels).every(([key, value]) => sample.labels[key] === value);

/** The sum of the samples named `name` whose labels include `labels` (0 when there are none). */
export function sampleSum(
  samples: readonly PrometheusSample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  let sum = 0;
  for (const sample of samples) if (sample.name === name && carries(sample, labels)) sum += sample.value;
  return sum;
}

/** Whether any sample is named `name` and carries `labels`. */
export const hasSample = (
  samples: readonly PrometheusSample[],
  name: string,
  labels: Record<string, string> = {},
): boolean => samples.some((sample) => sample.name === name && carries(sample, labels));
