/**
 * Communication's copy of what chat needs to know about a vendor, fed by marketplace's events:
 * who answers for it (its owner account) and whether customers may see it.
 */
export interface ChatVendorRecord {
  vendorId: string;
  name: string;
  /** The account that speaks for the vendor in chat; null while marketplace names none. */
  ownerId: string | null;
  /** Verified by marketplace, so customers may find it and start a conversation with it. */
  listed: boolean;
  /** Marketplace's snapshot version: an older snapshot never overwrites a newer one. */
  version: number;
}
