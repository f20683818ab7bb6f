import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { ConfigError } from "@venta/kit";

export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * The first-party apps' operations, by SHA-256 of their text, as GraphQL Code Generator writes
 * them (`persisted-documents.json`). Apps may send just the hash, APQ-style; in `require` mode,
 * callers without a partner key may run nothing else.
 */
export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static load(path: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new ConfigError(`TRUSTED_DOCUMENTS_PATH: cannot read ${path} (${(error as Error).message})`);
    }
    if (typeof manifest !== "object" || manifest === null)
      throw new ConfigError(`TRUSTED_DOCUMENTS_PATH: ${path} is not a hash → document map`);
    // Keys are `sha256:<hex>`; APQ and Apollo's query hash use the bare hex.
    const entries = Object.entries(manifest)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([key, text]): [string, string] => [key.replace(/^sha256:/, ""), text]);
    return new TrustedDocuments(new Map(entries));
  }

  static loadIfPresent(path: string): TrustedDocuments {
    return existsSync(path) ? TrustedDocuments.load(path) : new TrustedDocuments(new Map());
  }

  /** These documents too, trusted by the hash of their exact text (the router's own pages). */
  with(documents: readonly string[]): TrustedDocuments {
    return new TrustedDocuments(
      new Map([...this.byHash, ...documents.map((d): [string, string] => [sha256Hex(d), d])]),
    );
  }

  get size(): number {
    return this.byHash.size;
  }

  document(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }
}
