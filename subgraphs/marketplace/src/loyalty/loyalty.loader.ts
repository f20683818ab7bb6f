import { keyedLoader } from "@venta/kit";
import type DataLoader from "dataloader";
import type { LoyaltyProgramRecord } from "./loyalty-program.record.js";
import type { LoyaltyProgramsStore } from "./loyalty-programs.store.js";

export interface LoyaltyLoaders {
  /** A vendor's program (with its rewards) by vendor id; null without one. */
  loyaltyProgram: DataLoader<string, LoyaltyProgramRecord | null>;
}

/** Per request: every vendor of a response gets its program from one store query. */
export function loyaltyLoaders(programs: LoyaltyProgramsStore): LoyaltyLoaders {
  return {
    loyaltyProgram: keyedLoader(
      (vendorIds: readonly string[]) => programs.findByVendorIds(vendorIds),
      (program) => program.vendorId,
    ),
  };
}
