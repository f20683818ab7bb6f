import { isIPv4, isIPv6 } from "node:net";
import { ipv6Groups } from "@venta/kit";

/**
 * The address in an `X-Forwarded-For` entry or a socket, in one canonical spelling, or null when
 * it is not an IP address. Proxies write `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or
 * `[2001:db8::1]:443`; a dual-stack socket reports IPv4 callers as `::ffff:1.2.3.4`, which is the
 * IPv4 address again and must count against the same budget.
 */
export function canonicalAddress(text: string): string | null {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (isIPv4(address)) return address;
  // A zone (`fe80::1%eth0`) names a local interface: never a remote client.
  if (!isIPv6(address) || address.includes("%")) return null;
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return groups.map((group) => group.toString(16)).join(":");
}

/**
 * The rate-limit bucket for a canonical address: an IPv4 address itself, an IPv6 address's /64.
 * One subscriber is routinely given a whole /64 and can pick any of its 2^64 addresses, so
 * bucketing per address would hand each caller an unlimited supply of budgets.
 */
export function addressBucket(address: string): string {
  if (isIPv4(address)) return address;
  const prefix = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16));
  return `${prefix.join(":")}::/64`;
}
