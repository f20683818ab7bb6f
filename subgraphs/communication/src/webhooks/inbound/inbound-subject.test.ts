import { describe, expect, it } from "vitest";
import { subjectUserIdOf } from "./inbound-subject.js";

describe("the person an inbound event is about", () => {
  it("is the one processing would act for, per provider", () => {
    expect(
      subjectUserIdOf("CLERK", '{"type":"user.updated","data":{"id":"user_1","email_addresses":[]}}'),
    ).toBe("user_1");
    expect(
      subjectUserIdOf("CLERK", '{"type":"session.created","data":{"id":"sess_1","user_id":"user_1"}}'),
    ).toBe("user_1");
    expect(
      subjectUserIdOf(
        "STRIPE",
        '{"type":"charge.refunded","data":{"object":{"id":"ch_1","metadata":{"userId":"casey","vendorId":"v1"}}}}',
      ),
    ).toBe("casey");
    expect(subjectUserIdOf("REVENUECAT", '{"event":{"id":"rc-1","app_user_id":"vendor-7"}}')).toBe(
      "vendor-7",
    );
  });

  it("is nobody when the event names no one, or is not JSON", () => {
    expect(subjectUserIdOf("STRIPE", '{"data":{"object":{"id":"pi_1","metadata":{}}}}')).toBeNull();
    expect(subjectUserIdOf("CLERK", '{"type":"organization.created","data":{"id":"org_1"}}')).toBeNull();
    expect(subjectUserIdOf("REVENUECAT", "not json")).toBeNull();
  });
});
