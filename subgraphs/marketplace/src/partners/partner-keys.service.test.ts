import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type MarketplaceStores, openSqlite } from "../stores.js";
import { LAST_USED_INTERVAL_MS, PartnerKeysService } from "./partner-keys.service.js";

const t0 = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));

describe("partner keys service", () => {
  let stores: MarketplaceStores;
  let now: Date;
  let service: PartnerKeysService;
  beforeEach(() => {
    stores = openSqlite(":memory:");
    now = t0;
    service = new PartnerKeysService(stores.partnerKeys, () => now);
  });
  afterEach(() => stores.close());

  const later = (ms: number) => {
    now = new Date(t0.getTime() + ms);
  };

  it("issues distinct keys of the documented shape", async () => {
    const a = await service.create("A", ["READ"], "admin-1");
    const b = await service.create("B", ["READ"], "admin-1");
    expect(a.key).toMatch(/^vpk_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.record).toMatchObject({
      name: "A",
      prefix: a.key.slice(0, 12),
      scopes: ["READ"],
      createdBy: "admin-1",
      createdAt: t0,
      revokedAt: null,
      lastUsedAt: null,
    });
  });

  it("refuses an unknown scope, naming the field, and writes nothing", async () => {
    await expect(service.create("A", ["READ", "ADMIN"], "admin-1")).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "scopes" },
    });
    expect((await stores.partnerKeys.list({ first: 10, includeRevoked: true })).totalCount).toBe(0);
  });

  it("accepts a fresh key and says whose it is", async () => {
    const { key, record } = await service.create("Eat Map", ["READ", "SUBSCRIBE"], "admin-1");
    expect(await service.verify(key)).toEqual({
      keyId: record.id,
      name: "Eat Map",
      scopes: ["READ", "SUBSCRIBE"],
    });
  });

  it("rejects revoked and unknown keys", async () => {
    const { key, record } = await service.create("Eat Map", ["READ"], "admin-1");
    const other = await service.create("Other", ["READ"], "admin-1");
    await service.revoke(record.id);
    expect(await service.verify(key)).toBeNull();
    expect(await service.verify(other.key)).not.toBeNull();
    // Well-formed but never issued, and an issued key with one character changed.
    expect(await service.verify(`vpk_${"A".repeat(43)}`)).toBeNull();
    const last = other.key.at(-1) === "A" ? "B" : "A";
    expect(await service.verify(`${other.key.slice(0, -1)}${last}`)).toBeNull();
  });

  it("announces the first revocation of a key through the outbox, and only that one", async () => {
    const { record } = await service.create("Eat Map", ["READ"], "admin-1");
    await service.revoke(record.id);
    later(60_000);
    await service.revoke(record.id);
    const events = await stores.outbox.oldest(10);
    expect(events).toEqual([
      expect.objectContaining({
        type: "marketplace.partner_key_revoked",
        payload: { keyId: record.id, revokedAt: t0.toISOString() },
        occurredAt: t0.toISOString(),
      }),
    ]);
  });

  it("rejects malformed keys without reading the store", async () => {
    const { key } = await service.create("Eat Map", ["READ"], "admin-1");
    const findByHash = vi.spyOn(stores.partnerKeys, "findByHash");
    for (const malformed of [
      "",
      "vpk_",
      "vpk_short",
      `${key}A`,
      key.slice(0, -1),
      `xpk_${key.slice(4)}`,
      ` ${key}`,
      `${key.slice(0, -1)}=`,
      `vpk_${"é".repeat(43)}`,
      undefined,
      null,
      42,
      { key },
    ]) {
      expect(await service.verify(malformed)).toBeNull();
    }
    expect(findByHash).not.toHaveBeenCalled();
  });

  it("records the last use once within a minute, whatever the traffic", async () => {
    const { key, record } = await service.create("Eat Map", ["READ"], "admin-1");
    const touch = vi.spyOn(stores.partnerKeys, "touch");
    const lastUsed = async () => (await stores.partnerKeys.findById(record.id))?.lastUsedAt;

    expect(await service.verify(key)).not.toBeNull();
    expect(await lastUsed()).toEqual(t0);
    for (const ms of [1, 1_000, 30_000, LAST_USED_INTERVAL_MS]) {
      later(ms);
      expect(await service.verify(key)).not.toBeNull();
    }
    expect(touch).toHaveBeenCalledTimes(1);
    expect(await lastUsed()).toEqual(t0);

    later(LAST_USED_INTERVAL_MS + 1);
    expect(await service.verify(key)).not.toBeNull();
    expect(touch).toHaveBeenCalledTimes(2);
    expect(await lastUsed()).toEqual(now);
  });

  it("reports an unknown key on revoke with NOT_FOUND", async () => {
    await expect(service.revoke("no-such-key")).rejects.toMatchObject({ extensions: { code: "NOT_FOUND" } });
  });
});

describe("what a partner key leaves on disk", () => {
  it("is never the key itself: the database files hold only its prefix and hash", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "venta-partner-keys-"));
    try {
      const stores = openSqlite(dataDir);
      const { key } = await new PartnerKeysService(stores.partnerKeys).create("Eat Map", ["READ"], "admin-1");
      const onDisk = () =>
        Buffer.concat(readdirSync(dataDir).map((file) => readFileSync(join(dataDir, file)))).toString(
          "latin1",
        );
      expect(onDisk()).toContain(key.slice(0, 12));
      expect(onDisk()).not.toContain(key.slice(12));
      await stores.close();
      expect(onDisk()).toContain(key.slice(0, 12));
      expect(onDisk()).not.toContain(key.slice(12));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
