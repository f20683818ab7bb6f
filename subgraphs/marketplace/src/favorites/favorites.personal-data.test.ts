import { personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

describe("a person's favorites under GDPR", () => {
  let h: Harness;
  const casey = personViewer("casey", ["CUSTOMER"]);
  const dana = personViewer("dana", ["CUSTOMER"]);
  const vendorIds: string[] = [];
  beforeEach(async () => {
    h = await marketplaceHarness();
    vendorIds.length = 0;
    for (const id of ["owner-1", "casey", "dana"]) await h.services.users.register(`User ${id}`, { id });
    for (let i = 0; i < 3; i += 1)
      vendorIds.push(
        (
          await h.services.vendors.create(
            { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-1" },
            { verified: true },
          )
        ).id,
      );
    for (const id of vendorIds) await h.services.favorites.add(casey, id);
    await h.services.favorites.add(dana, vendorIds[0] as string);
  });
  afterEach(() => h.close());

  it("exports the person's favorites", async () => {
    const exported = JSON.parse((await h.services.personalData.exportData("casey")).json) as {
      modules: { favorites: { favorites: { vendorId: string }[] } };
    };
    expect(exported.modules.favorites.favorites.map((f) => f.vendorId).sort()).toEqual([...vendorIds].sort());
  });

  it("removes the person's favorites and uncounts them, leaving others' alone", async () => {
    await h.services.personalData.deleteAccount("casey", true);
    expect(await h.stores.favorites.countByUser("casey")).toBe(0);
    expect(await h.stores.favorites.countByUser("dana")).toBe(1);
    const counts = await h.stores.favorites.countsOf(vendorIds);
    expect(vendorIds.map((id) => counts.find((c) => c.vendorId === id)?.count ?? 0)).toEqual([1, 0, 0]);
  });
});
