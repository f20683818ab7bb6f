import type { ResolverData } from "type-graphql";
import { describe, expect, it } from "vitest";
import { authChecker } from "./auth-checker.js";
import type { Role } from "./roles.js";
import { anonymous, partnerViewer, personViewer, type Viewer } from "./viewer.js";

const check = (viewer: Viewer, roles: Role[]) => {
  try {
    authChecker({ context: { viewer } } as ResolverData<{ viewer: Viewer }>, roles);
    return "allowed";
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
};

describe("@Authorized", () => {
  it("asks anonymous callers to sign in", () => {
    expect(check(anonymous, [])).toBe("UNAUTHENTICATED");
    expect(check(anonymous, ["ADMIN"])).toBe("UNAUTHENTICATED");
  });

  it("lets any signed-in person through when no role is named", () => {
    expect(check(personViewer("u", ["CUSTOMER"]), [])).toBe("allowed");
    expect(check(partnerViewer({ keyId: "k", name: "p", scopes: ["READ"] }), [])).toBe("FORBIDDEN");
  });

  it("needs one of the named roles", () => {
    expect(check(personViewer("u", ["CUSTOMER"]), ["VENDOR", "ADMIN"])).toBe("FORBIDDEN");
    expect(check(personViewer("u", ["CUSTOMER", "VENDOR"]), ["VENDOR", "ADMIN"])).toBe("allowed");
    expect(check(partnerViewer({ keyId: "k", name: "p", scopes: ["READ"] }), ["ADMIN"])).toBe("FORBIDDEN");
  });
});
