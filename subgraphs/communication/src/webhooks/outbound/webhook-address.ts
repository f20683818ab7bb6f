import { BlockList, isIPv4, isIPv6 } from "node:net";
import { ipv6Groups } from "@venta/kit";

/**
 * IPv4 networks a delivery must never reach: this host, the private networks it may sit in,
 * link-local ones (cloud metadata services), and everything IANA's special-purpose registry marks as
 * not globally reachable. A partner's endpoint is on the public internet or it is not called.
 *
 * Only IPv4 goes in this list. A BlockList maps IPv4 into IPv6 when it checks, so an IPv6 rule such
 * as `::ffff:0:0/96` in the same list matches every IPv4 address: IPv6 is judged separately below.
 */
const notPublicIPv4 = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ["0.0.0.0", 8], // "this network", 0.0.0.0 included
    ["10.0.0.0", 8],
    ["100.64.0.0", 10], // carrier-grade NAT
    ["127.0.0.0", 8],
    ["169.254.0.0", 16], // link-local, where metadata services answer
    ["172.16.0.0", 12],
    ["192.0.0.0", 24], // IETF protocol assignments
    ["192.0.2.0", 24], // documentation
    ["192.31.196.0", 24], // AS112
    ["192.52.193.0", 24], // AMT
    ["192.88.99.0", 24], // the retired 6to4 relay anycast
    ["192.168.0.0", 16],
    ["192.175.48.0", 24], // AS112 direct delegation
    ["198.18.0.0", 15], // benchmarking
    ["198.51.100.0", 24], // documentation
    ["203.0.113.0", 24], // documentation
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, 255.255.255.255 included
  ] as const)
    list.addSubnet(network, prefix, "ipv4");
  return list;
})();

/**
 * IPv6 networks refused inside global unicast (2000::/3), the only IPv6 space that is called at
 * all: loopback, unspecified, ULA, link-local, multicast and the rest lie outside it.
 */
const notPublicIPv6 = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ["2001::", 32], // Teredo: the tunnel's relay, not this check, decides where a packet lands
    ["2001:2::", 48], // benchmarking
    ["2001:10::", 28], // ORCHID
    ["2001:20::", 28], // ORCHIDv2
    ["2001:db8::", 32], // documentation
    ["2002::", 16], // 6to4, retired: same as Teredo, a relay picks the IPv4 end
    ["3fff::", 20], // documentation
  ] as const)
    list.addSubnet(network, prefix, "ipv6");
  return list;
})();

/** The 16 bytes of an IPv6 address (isIPv6 already said it is one), a trailing dotted IPv4 included. */
const ipv6Bytes = (address: string): number[] =>
  ipv6Groups(address).flatMap((group) => [group >> 8, group & 0xff]);

const startsWith = (bytes: readonly number[], prefix: readonly number[]) =>
  prefix.every((byte, i) => bytes[i] === byte);

/** `::ffff:a.b.c.d`: how a dual-stack socket shows an IPv4 peer; it is that IPv4 address. */
const MAPPED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
/** 64:ff9b::/96, the well-known NAT64 prefix: a real route to the IPv4 address in its last 32 bits. */
const NAT64 = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * Whether a delivery may connect to this IP address: only a public one. The one place that decides
 * it, for subscription URLs and for every address a delivery's host name resolves to.
 *
 * IPv6 forms that carry an IPv4 address are judged by that address (IPv4-mapped, well-known NAT64),
 * so `::ffff:127.0.0.1` is loopback and `64:ff9b::808:808` is 8.8.8.8. The local-use NAT64 prefix
 * 64:ff9b:1::/48 is refused whole: it routes into the operator's own translator, with an embedding
 * length the operator chose, which no check here can read reliably. Zone ids (`fe80::1%eth0`) and
 * anything that is not an address are refused.
 */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) return !notPublicIPv4.check(address, "ipv4");
  if (!isIPv6(address) || address.includes("%")) return false;
  const bytes = ipv6Bytes(address);
  if (startsWith(bytes, MAPPED) || startsWith(bytes, NAT64))
    return isPublicAddress(bytes.slice(12).join("."));
  const globalUnicast = ((bytes[0] ?? 0) & 0xe0) === 0x20;
  return globalUnicast && !notPublicIPv6.check(address, "ipv6");
}
