import type { PartnerKeyStatus } from "./partner-key-status.js";

/**
 * Marketplace's side of partner keys as the delivery worker sees it, for tests that run
 * communication alone: every key is live until the test revokes it, and the test can make
 * marketplace unreachable.
 */
export function partnerKeysRegister() {
  const revoked = new Set<string>();
  let reachable = true;
  const asked: string[] = [];
  const status: PartnerKeyStatus = async (keyId) => {
    asked.push(keyId);
    if (!reachable) throw new Error("connect ECONNREFUSED (marketplace)");
    return !revoked.has(keyId);
  };
  return {
    status,
    asked,
    revoke: (keyId: string) => revoked.add(keyId),
    setReachable: (value: boolean) => {
      reachable = value;
    },
  };
}
