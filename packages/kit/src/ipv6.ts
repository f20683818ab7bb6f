/**
 * The eight 16-bit groups of an address `net.isIPv6` accepted: `::` expanded, and a trailing dotted
 * IPv4 (`::ffff:1.2.3.4`) turned into its two groups. Callers check validity first (and reject
 * zone ids); the router's rate-limit buckets and communication's webhook address guard both read
 * addresses through it.
 */
export function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split(".").map(Number);
    text = `${text.slice(0, -tail.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(rest === undefined ? 0 : missing).fill("0"), ...right].map((group) =>
    Number.parseInt(group, 16),
  );
}
