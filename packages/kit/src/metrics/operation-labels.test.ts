import { describe, expect, it } from "vitest";
import { ANONYMOUS_OPERATION, OperationLabels, OTHER_OPERATION } from "./operation-labels.js";

describe("operation labels", () => {
  it("keeps the first names seen, then labels every new one __other", () => {
    const labels = new OperationLabels(2);
    expect(labels.labelFor("Nearby")).toBe("Nearby");
    expect(labels.labelFor("Vendor")).toBe("Vendor");
    expect(labels.labelFor("Spam1")).toBe(OTHER_OPERATION);
    expect(labels.labelFor("Spam2")).toBe(OTHER_OPERATION);
    // Names already seen keep their label after the cap is reached.
    expect(labels.labelFor("Nearby")).toBe("Nearby");
  });

  it("labels unnamed operations __anonymous without taking a place", () => {
    const labels = new OperationLabels(1);
    expect(labels.labelFor(null)).toBe(ANONYMOUS_OPERATION);
    expect(labels.labelFor(undefined)).toBe(ANONYMOUS_OPERATION);
    expect(labels.labelFor("")).toBe(ANONYMOUS_OPERATION);
    expect(labels.labelFor("First")).toBe("First");
  });

  it("never gives an overlong name its own label", () => {
    const labels = new OperationLabels(5);
    expect(labels.labelFor("x".repeat(101))).toBe(OTHER_OPERATION);
    expect(labels.labelFor("Short")).toBe("Short");
  });

  it("holds 200 names by default", () => {
    const labels = new OperationLabels();
    for (let i = 0; i < 200; i++) expect(labels.labelFor(`Op${i}`)).toBe(`Op${i}`);
    expect(labels.labelFor("Op200")).toBe(OTHER_OPERATION);
  });
});
