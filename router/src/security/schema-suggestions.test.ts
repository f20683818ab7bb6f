import { anonymous, PartnerScope, partnerViewer } from "@venta/auth";
import { describe, expect, it } from "vitest";
import { errorsFor, withoutSuggestions } from "./schema-suggestions.js";
import { TrustedDocuments } from "./trusted-documents.js";

const closed = {
  trusted: TrustedDocuments.loadIfPresent("/nonexistent"),
  requireTrusted: false,
  introspectionForAnyone: false,
};
const partner = (scopes: PartnerScope[]) => partnerViewer({ keyId: "k1", name: "Eat Map", scopes });

describe("schema hints in errors", () => {
  it.each([
    [
      'Cannot query field "mee" on type "Query". Did you mean "me"?',
      'Cannot query field "mee" on type "Query".',
    ],
    [
      'Value "VENDR" does not exist in "ChatSide" enum. Did you mean the enum value "VENDOR"?',
      'Value "VENDR" does not exist in "ChatSide" enum.',
    ],
    [
      'Unknown argument "sid" on field "Query.myConversations". Did you mean "side", "first", or "after"?',
      'Unknown argument "sid" on field "Query.myConversations".',
    ],
    ['Unknown type "Vendr". Did you mean "Vendor"?', 'Unknown type "Vendr".'],
  ])("takes the hint out of %s", (message, bare) => {
    expect(withoutSuggestions(message)).toBe(bare);
  });

  it("gives the hints only to a partner key with INTROSPECT where introspection is closed", () => {
    const errors = [{ message: 'Cannot query field "mee" on type "Query". Did you mean "me"?' }];
    expect(errorsFor(closed, anonymous, errors)[0]?.message).toBe(
      'Cannot query field "mee" on type "Query".',
    );
    expect(errorsFor(closed, partner([PartnerScope.Read]), errors)[0]?.message).not.toContain("Did you mean");
    expect(errorsFor(closed, partner([PartnerScope.Introspect]), errors)).toEqual(errors);
  });
});
