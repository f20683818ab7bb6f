import { spawn } from "node:child_process";
import { join } from "node:path";
import { destinationPoint, type GeoPoint } from "@venta/geo";
import { repoRoot } from "@venta/kit";
import {
  eventually,
  type GraphQLResponse,
  postGraphQL,
  type SignedUp,
  type Stack,
  startStack,
} from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyVendor } from "../onboarding/verify-vendor.js";
import { type CaughtMail, startMailCatcher } from "./mail-catcher.js";

const ZONE_CENTER = { lat: 30.2672, lng: -97.7431 };
const FAR_AWAY = destinationPoint(ZONE_CENTER, 90, 3_000);
const INSIDE = destinationPoint(ZONE_CENTER, 0, 120);

const NOTIFICATIONS = `query { myNotifications(first: 10) {
  totalCount unreadCount edges { node { topic title body subjectId deliveries { channel status } } }
} }`;

interface Notifications {
  myNotifications: {
    totalCount: number;
    unreadCount: number;
    edges: {
      node: {
        topic: string;
        title: string;
        body: string;
        subjectId: string | null;
        deliveries: { channel: string; status: string }[];
      };
    }[];
  };
}

/** Retries `attempt` until `done` says so or 15 s pass; the last value either way. */

/**
 * The headline flow through the router: a person favorites a vendor and draws an alert zone; the
 * simulator drives the vendor into it; one notification is recorded and its email reaches a real
 * SMTP receiver, and the vendor coming back within the period does not notify again.
 */
describe("a favorited vendor arriving in a person's alert zone", () => {
  let stack: Stack;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;
  let casey: SignedUp;
  let robin: SignedUp;
  let vendorId: string;
  const api = <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
    postGraphQL<T>(`${stack.urls.router}/graphql`, query, variables, headers);
  const data = async <T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ) => {
    const response: GraphQLResponse<T> = await api<T>(query, variables, headers);
    expect(response.errors, query).toBeUndefined();
    return response.data as T;
  };

  /** `npm run simulate -- --drive`: reports the vendor's way to `to` through the router, as an admin. */
  const drive = async (from: GeoPoint, to: GeoPoint): Promise<string> => {
    const admin = await stack.token("simulator-admin", ["ADMIN"]);
    const child = spawn(
      process.execPath,
      [
        join(repoRoot(), "demo/dist/simulate.js"),
        "--drive",
        vendorId,
        "--from",
        `${from.lat},${from.lng}`,
        "--to",
        `${to.lat},${to.lng}`,
        "--speed",
        "1500",
        "--interval",
        "100ms",
      ],
      { env: { ...stack.env, VENTA_URL: `${stack.urls.router}/graphql`, VENTA_TOKEN: admin } },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(0);
    return output;
  };

  beforeAll(async () => {
    mail = await startMailCatcher();
    stack = await startStack({ env: { SMTP_URL: mail.url, ALERT_NOTIFY_PERIOD_SECONDS: "3600" } });
    const owner = await stack.signUp("Lupe", ["VENDOR"]);
    casey = await stack.signUp("Casey", ["CUSTOMER"]);
    robin = await stack.signUp("Robin", ["CUSTOMER"]);
    const { createVendor } = await data<{ createVendor: { id: string } }>(
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: "Taco Loco", cuisines: ["tacos"], status: "OPEN" } },
      owner.headers,
    );
    vendorId = createVendor.id;
    await verifyVendor(stack, vendorId);
    await data(
      `mutation ($input: UpdateContactDetailsInput!) { updateMyContactDetails(input: $input) { email } }`,
      { input: { email: "casey@example.com" } },
      casey.headers,
    );
    await data(`mutation ($id: ID!) { addFavorite(vendorId: $id) { id } }`, { id: vendorId }, casey.headers);
    // Robin draws the same zone but never favorited the vendor: no notification for Robin.
    for (const person of [casey, robin]) {
      await data(
        `mutation ($input: CreateGeofenceInput!) { createGeofence(input: $input) { id } }`,
        {
          input: {
            kind: "ALERT_ZONE",
            name: "Near the office",
            area: { circle: { center: ZONE_CENTER, radiusMeters: 400 } },
          },
        },
        person.headers,
      );
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await mail?.close();
  });

  it("notifies the person once, in the app and by email, when the simulator drives the vendor in", async () => {
    const trip = await drive(FAR_AWAY, INSIDE);
    expect(trip).toMatch(/Taco Loco at .*: 0 m to go/);

    const mine = await eventually(
      () => data<Notifications>(NOTIFICATIONS, {}, casey.headers),
      (d) =>
        d.myNotifications.edges.some((e) =>
          e.node.deliveries.some((x) => x.status === "SENT" && x.channel === "EMAIL"),
        ),
    );
    expect(mine.myNotifications.totalCount).toBe(1);
    const [notification] = mine.myNotifications.edges;
    expect(notification?.node).toMatchObject({ topic: "VENDOR_NEARBY", subjectId: vendorId });
    expect(`${notification?.node.title} ${notification?.node.body}`).toContain("Taco Loco");
    expect(notification?.node.deliveries).toContainEqual({ channel: "EMAIL", status: "SENT" });

    const emails = await eventually(
      async () => mail.messages.filter((m: CaughtMail) => m.to.includes("casey@example.com")),
      (m) => m.length > 0,
    );
    expect(emails).toHaveLength(1);
    expect(emails[0]?.raw).toContain("Taco Loco");

    const robins = await data<Notifications>(NOTIFICATIONS, {}, robin.headers);
    expect(robins.myNotifications.totalCount).toBe(0);
  }, 60_000);

  it("does not notify again when the vendor leaves and comes back within the period", async () => {
    await drive(INSIDE, FAR_AWAY);
    await drive(FAR_AWAY, INSIDE);
    // Give the bus time to carry the second arrival all the way: location → communication.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const mine = await data<Notifications>(NOTIFICATIONS, {}, casey.headers);
    expect(mine.myNotifications.totalCount).toBe(1);
    expect(mail.messages.filter((m) => m.to.includes("casey@example.com"))).toHaveLength(1);
  }, 60_000);
});
