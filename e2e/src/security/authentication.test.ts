import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DevIssuer, IDENTITY_HEADER, InternalIdentity, personViewer } from "@venta/auth";
import { type GraphQLResponse, postGraphQL, type SignedUp, type Stack, startStack } from "@venta/testing";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { verifyVendor } from "../onboarding/verify-vendor.js";

const CREATE_VENDOR = `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id owner { id } } }`;
const UPDATE_VENDOR = `mutation ($input: UpdateVendorInput!) { updateVendor(input: $input) { name } }`;
const MOVE = `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { point { lat } } }`;
const MOVE_MANY = `mutation ($inputs: [UpdateVendorLocationInput!]!) { updateVendorLocations(inputs: $inputs) { point { lat } } }`;
const VENDOR = `query ($id: ID!) { vendor(id: $id) { name location { point { lat } } } }`;

/** Retries for up to 5 s: location learns of new vendors from marketplace's events a moment later. */
async function retryUntilAllowed(attempt: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const outcome = await attempt();
    if (outcome === "allowed") return;
    if (Date.now() > deadline) throw new Error(`still refused: ${String(outcome)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.code ?? "allowed";

describe("who may write, through the router and around it", () => {
  let stack: Stack;
  let api: (
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => Promise<GraphQLResponse>;
  let alice: SignedUp;
  let bob: SignedUp;
  let aliceCart: string;
  let bobCart: string;

  const vendorState = async (id: string) =>
    (await api(VENDOR, { id })).data?.vendor as unknown as {
      name: string;
      location: { point: { lat: number } } | null;
    };

  beforeAll(async () => {
    stack = await startStack();
    const url = `${stack.urls.router}/graphql`;
    api = (query, variables = {}, headers = {}) => postGraphQL(url, query, variables, headers);
    alice = await stack.signUp("Alice", ["VENDOR"]);
    bob = await stack.signUp("Bob", ["VENDOR"]);
    const create = async (owner: SignedUp, name: string) => {
      const created = await api(CREATE_VENDOR, { input: { name, cuisines: ["tacos"] } }, owner.headers);
      expect(created.errors).toBeUndefined();
      return (created.data as { createVendor: { id: string } }).createVendor.id;
    };
    aliceCart = await create(alice, "Alice's Cart");
    bobCart = await create(bob, "Bob's Cart");
    // Anyone may read verified vendors; these checks read them anonymously.
    for (const vendorId of [aliceCart, bobCart]) await verifyVendor(stack, vendorId);
    // Location learns each vendor's owner from marketplace's events: wait until it knows both.
    for (const [owner, vendorId] of [
      [alice, aliceCart],
      [bob, bobCart],
    ] as const) {
      await retryUntilAllowed(async () =>
        codeOf(await api(MOVE, { input: { vendorId, lat: 30.26, lng: -97.74 } }, owner.headers)),
      );
    }
  });
  afterAll(() => stack?.close());

  it("refuses every mutation without a token, writing nothing", async () => {
    const attempts: [string, Record<string, unknown>][] = [
      [`mutation { createUser(input: { displayName: "Mallory" }) { id } }`, {}],
      [CREATE_VENDOR, { input: { name: "Sneaky Cart", cuisines: ["tacos"] } }],
      [UPDATE_VENDOR, { input: { id: aliceCart, name: "Defaced" } }],
      [MOVE, { input: { vendorId: aliceCart, lat: 10, lng: 10 } }],
      [MOVE_MANY, { inputs: [{ vendorId: aliceCart, lat: 10, lng: 10 }] }],
    ];
    for (const [query, variables] of attempts) {
      expect(codeOf(await api(query, variables))).toBe("UNAUTHENTICATED");
    }
    expect(await vendorState(aliceCart)).toEqual({
      name: "Alice's Cart",
      location: { point: { lat: 30.26 } },
    });
  });

  it("lets a vendor account change its own vendor only", async () => {
    expect(
      codeOf(await api(UPDATE_VENDOR, { input: { id: aliceCart, name: "Alice's Tacos" } }, alice.headers)),
    ).toBe("allowed");
    expect(
      codeOf(await api(UPDATE_VENDOR, { input: { id: bobCart, name: "Hijacked" } }, alice.headers)),
    ).toBe("FORBIDDEN");
    expect(codeOf(await api(MOVE, { input: { vendorId: bobCart, lat: 1, lng: 1 } }, alice.headers))).toBe(
      "FORBIDDEN",
    );
    const batch = [
      { vendorId: aliceCart, lat: 30.3, lng: -97.7 },
      { vendorId: bobCart, lat: 30.3, lng: -97.7 },
    ];
    expect(codeOf(await api(MOVE_MANY, { inputs: batch }, alice.headers))).toBe("FORBIDDEN");
    expect(await vendorState(bobCart)).toEqual({ name: "Bob's Cart", location: { point: { lat: 30.26 } } });
    expect((await vendorState(aliceCart)).location).toEqual({ point: { lat: 30.26 } });
  });

  it("lets a customer read but not create vendors, and an admin change anyone's", async () => {
    const customer = await stack.signUp("Carol", ["CUSTOMER"]);
    expect(
      codeOf(
        await api(CREATE_VENDOR, { input: { name: "Carol's Cart", cuisines: ["bbq"] } }, customer.headers),
      ),
    ).toBe("FORBIDDEN");
    expect(codeOf(await api(VENDOR, { id: bobCart }, customer.headers))).toBe("allowed");
    const admin = { authorization: `Bearer ${await stack.token("admin-1", ["ADMIN"])}` };
    expect(codeOf(await api(UPDATE_VENDOR, { input: { id: bobCart, name: "Bob's BBQ" } }, admin))).toBe(
      "allowed",
    );
    expect(codeOf(await api(MOVE, { input: { vendorId: bobCart, lat: 30.27, lng: -97.74 } }, admin))).toBe(
      "allowed",
    );
    expect(await vendorState(bobCart)).toEqual({ name: "Bob's BBQ", location: { point: { lat: 30.27 } } });
  });

  it.each([
    ["expired", { expiresIn: Math.floor(Date.now() / 1000) - 60 }, /expired/],
    ["from another issuer", { issuer: "https://evil.example" }, /issuer/],
    ["for another audience", { audience: "another-api" }, /not meant/],
  ])("refuses a token %s with UNAUTHENTICATED and HTTP 401", async (_what, claims, message) => {
    const token = await stack.token(alice.userId, ["VENDOR"], claims);
    const response = await api(`{ me { id } }`, {}, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0]?.message).toMatch(message);
  });

  it("refuses a forged token: the right claims signed with a key the router does not trust", async () => {
    const forger = await DevIssuer.open(mkdtempSync(join(tmpdir(), "venta-forger-")));
    const token = await forger.sign({ userId: alice.userId, roles: ["ADMIN"] });
    const response = await api(
      UPDATE_VENDOR,
      { input: { id: bobCart, name: "Forged" } },
      { authorization: `Bearer ${token}` },
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.message).toMatch(/signature/);
    expect((await vendorState(bobCart)).name).toBe("Bob's BBQ");
  });

  it("refuses a forged identity header sent straight to a subgraph", async () => {
    const forged = await new InternalIdentity(
      new TextEncoder().encode("a-guess-at-the-secret-xxxxxxxxxxxxxx"),
    ).sign(personViewer("mallory", ["ADMIN"]));
    for (const [service, query, variables] of [
      ["marketplace", UPDATE_VENDOR, { input: { id: bobCart, name: "Forged" } }],
      ["location", MOVE, { input: { vendorId: bobCart, lat: 1, lng: 1 } }],
    ] as const) {
      const response = await postGraphQL(`${stack.urls[service]}/graphql`, query, variables, {
        [IDENTITY_HEADER]: forged,
      });
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe("UNAUTHENTICATED");
    }
    // A valid token is no identity to a subgraph: only the router's signature is.
    const token = await stack.token("admin-1", ["ADMIN"]);
    const direct = await postGraphQL(
      `${stack.urls.marketplace}/graphql`,
      UPDATE_VENDOR,
      { input: { id: bobCart, name: "Forged" } },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(codeOf(direct)).toBe("UNAUTHENTICATED");
    expect(await vendorState(bobCart)).toEqual({ name: "Bob's BBQ", location: { point: { lat: 30.27 } } });
  });

  it("does not pass a client's own identity header through the router", async () => {
    const forged = await new InternalIdentity(new TextEncoder().encode("x".repeat(40))).sign(
      personViewer("mallory", ["ADMIN"]),
    );
    const response = await api(
      UPDATE_VENDOR,
      { input: { id: bobCart, name: "Forged" } },
      { [IDENTITY_HEADER]: forged },
    );
    expect(codeOf(response)).toBe("UNAUTHENTICATED");
  });

  describe("subscriptions", () => {
    const socket = (connectionParams: Record<string, unknown>) =>
      createClient({
        url: `${stack.urls.router.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams,
        lazy: false,
        // The close is what these tests assert; graphql-ws would also print it.
        onNonLazyError: () => undefined,
      });

    const closeCode = (client: ReturnType<typeof socket>) =>
      new Promise<number | "connected">((resolve) => {
        client.on("connected", () => resolve("connected"));
        client.on("closed", (event) => resolve((event as { code: number }).code));
      });

    it("accepts a valid token in connection_init and closes with 4403 on a bad one", async () => {
      const good = socket({ authorization: `Bearer ${await stack.token(alice.userId, ["VENDOR"])}` });
      expect(await closeCode(good)).toBe("connected");
      await good.dispose();
      const expired = socket({
        authorization: `Bearer ${await stack.token(alice.userId, ["VENDOR"], { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
      });
      expect(await closeCode(expired)).toBe(4403);
      const badKey = socket({ apiKey: "vpk_not-a-real-key" });
      expect(await closeCode(badKey)).toBe(4403);
    });

    it("stays open to anonymous live maps", async () => {
      const anonymousMap = socket({});
      expect(await closeCode(anonymousMap)).toBe("connected");
      await anonymousMap.dispose();
    });
  });
});
