import { randomUUID } from "node:crypto";
import { type Announce, newEvent, type PurchaseCompleted, type ReviewSubmitted } from "@venta/events";
import { greatCircleMeters, isValidLat, isValidLng } from "@venta/geo";
import { badUserInput, conflict, ErrorCode, notFound } from "@venta/kit";
import { GraphQLError } from "graphql";
import type { AccountStatus } from "../users/users.service.js";
import type { VendorsStore } from "../vendors/vendors.store.js";
import type { CheckInListKey, CheckInRecord } from "./check-in.record.js";
import {
  CHECK_IN_RATE_WINDOW_MS,
  type CheckInRules,
  DEFAULT_CHECK_IN_RULES,
  judgeCheckIn,
} from "./check-in-rules.js";
import type { CheckInsStore } from "./check-ins.store.js";
import { type LoyaltyProgramInput, MAX_REWARDS_STORED, validProgram } from "./loyalty.validation.js";
import type { LoyaltyProgramRecord, RewardRecord } from "./loyalty-program.record.js";
import type { LoyaltyProgramsStore } from "./loyalty-programs.store.js";
import type { AppendResult, BalanceRecord, LedgerEntryRecord, Page, PointsReason } from "./points.record.js";
import type { PointsStore } from "./points.store.js";
import type { VendorPositionLookup } from "./vendor-positions.store.js";

/** How close to the vendor a check-in must be made. */
export const CHECK_IN_RADIUS_METERS = 150;
/** A member earns check-in points at most once per vendor in each of these fixed windows (UTC-aligned). */
export const CHECK_IN_WINDOW_MS = 4 * 60 * 60 * 1000;
/** A position older than this is not live; the same window location uses for the live map. */
export const LIVE_POSITION_MS = 120_000;

/** How long accepted check-ins (claimed positions) are kept for judging the next ones. */
export const CHECK_IN_RETENTION_MS = 24 * 60 * 60 * 1000;

export type CheckInOutcome =
  | "EARNED"
  | "ALREADY_CHECKED_IN"
  | "TOO_FAR"
  | "VENDOR_NOT_LIVE"
  | "HELD_FOR_REVIEW";

export interface CheckInResult {
  outcome: CheckInOutcome;
  pointsEarned: number;
  /** From the vendor's live position; null when it has none. */
  distanceMeters: number | null;
  balance: BalanceRecord | null;
  /** When the next check-in window opens, for ALREADY_CHECKED_IN and EARNED. */
  nextCheckInAt: Date | null;
}

export interface Redemption {
  entry: LedgerEntryRecord;
  reward: RewardRecord;
  balance: BalanceRecord;
}

export interface Adjustment {
  entry: LedgerEntryRecord;
  balance: BalanceRecord;
}

export interface LoyaltyDependencies {
  programs: LoyaltyProgramsStore;
  points: PointsStore;
  positions: VendorPositionLookup;
  /** Every check-in a person makes, judged for rate and travel before it can earn. */
  checkIns: CheckInsStore;
  checkInRules?: CheckInRules;
  vendors: VendorsStore;
  /** Live accounts only earn and spend: a deleted account must not gather new personal data. */
  accounts: { accountStatus(userId: string): Promise<AccountStatus> };
  now?: () => Date;
}

/** Loyalty rules: programs, earning (check-ins, reviews, purchases), redemptions and adjustments. */
export class LoyaltyService {
  private readonly now: () => Date;
  private readonly checkInRules: CheckInRules;

  constructor(private readonly deps: LoyaltyDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.checkInRules = deps.checkInRules ?? DEFAULT_CHECK_IN_RULES;
  }

  /**
   * Creates or replaces a vendor's program. Rewards given with an id change that reward; without
   * one they are new; rewards left out are retired (kept inactive, so past redemptions still name
   * them). Access (owner or admin) is the resolver's check.
   */
  async configure(vendorId: string, input: LoyaltyProgramInput): Promise<LoyaltyProgramRecord> {
    const valid = validProgram(input);
    if (!(await this.deps.vendors.findById(vendorId))) throw notFound(`no vendor with id ${vendorId}`);
    // Optimistic concurrency: a concurrent change makes us re-read and re-apply, never overwrite it.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.program(vendorId);
      const now = this.now();
      const existing = new Map((current?.rewards ?? []).map((r) => [r.id, r]));
      const given = new Set<string>();
      const rewards: RewardRecord[] = valid.rewards.map((reward) => {
        if (reward.id === null)
          return { ...reward, id: randomUUID(), vendorId, createdAt: now, updatedAt: now };
        const before = existing.get(reward.id);
        if (!before) throw badUserInput(`reward ${reward.id} is not in this program`, "rewards");
        given.add(reward.id);
        return {
          ...before,
          name: reward.name,
          costPoints: reward.costPoints,
          active: reward.active,
          updatedAt: now,
        };
      });
      for (const retired of current?.rewards ?? [])
        if (!given.has(retired.id))
          rewards.push(retired.active ? { ...retired, active: false, updatedAt: now } : retired);
      if (rewards.length > MAX_REWARDS_STORED)
        throw badUserInput(
          `a program keeps at most ${MAX_REWARDS_STORED} rewards, retired ones included: reuse the ids of retired rewards`,
          "rewards",
        );
      const program: LoyaltyProgramRecord = {
        vendorId,
        pointsPerCheckIn: valid.pointsPerCheckIn,
        pointsPerReview: valid.pointsPerReview,
        pointsPerPurchaseUnit: valid.pointsPerPurchaseUnit,
        purchaseUnitMinor: valid.purchaseUnitMinor,
        tiers: valid.tiers,
        rewards,
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      if (await this.deps.programs.save(program, current?.version ?? null)) return program;
    }
    throw conflict(`the loyalty program of vendor ${vendorId} is being changed concurrently; retry`);
  }

  /**
   * Earns the program's check-in points when the member stands within 150 m of the vendor's live
   * position, once per vendor per 4-hour window: the window is part of the ledger reference, so
   * repeated or concurrent check-ins in one window count once.
   *
   * The position is the member's claim, so every check-in is first judged against their others:
   * more than the hourly limit is refused with RATE_LIMITED, and one implying faster travel than
   * `maxSpeedKmh` from their previous check-in earns nothing and is held for an admin's review
   * (`flaggedCheckIns`; `adjustLoyaltyPoints` makes good an honest one).
   */
  async checkIn(userId: string, vendorId: string, lat: number, lng: number): Promise<CheckInResult> {
    if (!isValidLat(lat)) throw badUserInput("lat must be between -90 and 90", "lat");
    if (!isValidLng(lng)) throw badUserInput("lng must be between -180 and 180", "lng");
    const program = await this.programOrRefuse(vendorId);
    if (program.pointsPerCheckIn === 0)
      throw badUserInput("this vendor's program gives no points for check-ins", "vendorId");
    await this.assertActive(userId);
    const now = this.now();
    const { verdict } = await this.deps.checkIns.record(
      { id: randomUUID(), userId, vendorId, lat, lng, at: now },
      {
        since: new Date(now.getTime() - CHECK_IN_RATE_WINDOW_MS),
        keepSince: new Date(now.getTime() - CHECK_IN_RETENTION_MS),
      },
      (history) => judgeCheckIn(history, { lat, lng, at: now }, this.checkInRules),
    );
    if (verdict.status === "LIMITED") throw rateLimited(verdict.retryAt, now, this.checkInRules.limitPerHour);
    const refused = (outcome: CheckInOutcome, distanceMeters: number | null) =>
      this.deps.points.findBalance(userId, vendorId).then(
        (balance): CheckInResult => ({
          outcome,
          pointsEarned: 0,
          distanceMeters,
          balance,
          nextCheckInAt: null,
        }),
      );
    if (verdict.status === "FLAGGED") return refused("HELD_FOR_REVIEW", null);
    const position = await this.deps.positions.latest(vendorId);
    if (!position || now.getTime() - position.recordedAt.getTime() > LIVE_POSITION_MS)
      return refused("VENDOR_NOT_LIVE", null);
    const distanceMeters = greatCircleMeters({ lat, lng }, position);
    if (distanceMeters > CHECK_IN_RADIUS_METERS) return refused("TOO_FAR", distanceMeters);

    const window = Math.floor(now.getTime() / CHECK_IN_WINDOW_MS);
    const nextCheckInAt = new Date((window + 1) * CHECK_IN_WINDOW_MS);
    const result = await this.earn(
      userId,
      vendorId,
      program.pointsPerCheckIn,
      "CHECK_IN",
      `checkin:${userId}:${vendorId}:${window}`,
    );
    if (result.status === "appended")
      return {
        outcome: "EARNED",
        pointsEarned: program.pointsPerCheckIn,
        distanceMeters,
        balance: result.balance,
        nextCheckInAt,
      };
    return {
      outcome: "ALREADY_CHECKED_IN",
      pointsEarned: 0,
      distanceMeters,
      balance: await this.deps.points.findBalance(userId, vendorId),
      nextCheckInAt,
    };
  }

  /** Check-ins held for review, newest first: for admins (the resolver's check). */
  flaggedCheckIns(first: number, after?: CheckInListKey): Promise<Page<CheckInRecord>> {
    return this.deps.checkIns.listFlagged(first, after);
  }

  /** A published review earns the program's review points, once per review (edits do not count again). */
  async recordReview(review: ReviewSubmitted): Promise<boolean> {
    if (review.status !== "PUBLISHED") return false;
    const program = (await this.deps.programs.findByVendorIds([review.vendorId]))[0];
    if (!program || program.pointsPerReview === 0) return false;
    if ((await this.deps.accounts.accountStatus(review.authorId)) !== "active") return false;
    const result = await this.earn(
      review.authorId,
      review.vendorId,
      program.pointsPerReview,
      "REVIEW",
      `review:${review.reviewId}`,
    );
    return result.status === "appended";
  }

  /** A purchase earns points per whole purchase unit spent, once per purchase. */
  async recordPurchase(purchase: PurchaseCompleted): Promise<boolean> {
    const program = (await this.deps.programs.findByVendorIds([purchase.vendorId]))[0];
    if (!program) return false;
    const points =
      Math.floor(purchase.amountMinor / program.purchaseUnitMinor) * program.pointsPerPurchaseUnit;
    if (points === 0) return false;
    if ((await this.deps.accounts.accountStatus(purchase.userId)) !== "active") return false;
    const result = await this.earn(
      purchase.userId,
      purchase.vendorId,
      points,
      "PURCHASE",
      `purchase:${purchase.purchaseId}`,
    );
    return result.status === "appended";
  }

  /**
   * Spends the reward's cost from the member's balance at its vendor. The balance check and the
   * debit are one atomic conditional write in the store, so concurrent redemptions never spend the
   * same points twice; one the balance does not cover writes nothing.
   */
  async redeem(userId: string, rewardId: string): Promise<Redemption> {
    const reward = await this.deps.programs.findReward(rewardId);
    if (!reward) throw notFound(`no reward with id ${rewardId}`);
    if (!reward.active) throw badUserInput("this reward is no longer offered", "rewardId");
    await this.assertActive(userId);
    const entry = this.entry(
      userId,
      reward.vendorId,
      -reward.costPoints,
      "REDEMPTION",
      `redemption:${rewardId}:${randomUUID()}`,
    );
    const result = await this.deps.points.append(entry, (appended) =>
      appended.status === "appended"
        ? [
            newEvent("marketplace.reward_redeemed", {
              userId,
              vendorId: reward.vendorId,
              points: reward.costPoints,
              entryId: entry.id,
              reason: "REDEMPTION",
              at: entry.createdAt.toISOString(),
            }),
          ]
        : [],
    );
    if (result.status === "insufficient")
      throw badUserInput(
        `this reward costs ${reward.costPoints} points and you have ${result.points}`,
        "rewardId",
      );
    if (result.status === "duplicate") throw new Error(`redemption reference ${entry.reference} reused`);
    return { entry, reward, balance: result.balance };
  }

  /**
   * Corrects a member's balance at a vendor (goodwill, a fixed mistake). `reference` makes the
   * correction idempotent: a retried request does not apply it twice. A debit the balance does not
   * cover is refused. Access (owner or admin) is the resolver's check.
   */
  async adjust(userId: string, vendorId: string, delta: number, reference: string): Promise<Adjustment> {
    if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > 1_000_000)
      throw badUserInput("delta must be a non-zero integer from -1000000 to 1000000", "delta");
    const key = reference.trim();
    if (key.length < 1 || key.length > 100)
      throw badUserInput("reference must be 1 to 100 characters", "reference");
    await this.programOrRefuse(vendorId);
    await this.assertActive(userId, "userId");
    const entry = this.entry(
      userId,
      vendorId,
      delta,
      "ADJUSTMENT",
      `adjustment:${vendorId}:${userId}:${key}`,
    );
    const result = await this.deps.points.append(entry, delta > 0 ? earned(entry) : undefined);
    if (result.status === "insufficient")
      throw badUserInput(
        `the member has ${result.points} points: a debit of ${-delta} is too large`,
        "delta",
      );
    if (result.status === "duplicate") throw conflict("this reference was already used", "reference");
    return { entry, balance: result.balance };
  }

  private async earn(
    userId: string,
    vendorId: string,
    points: number,
    reason: PointsReason,
    reference: string,
  ) {
    const entry = this.entry(userId, vendorId, points, reason, reference);
    return this.deps.points.append(entry, earned(entry));
  }

  private entry(
    userId: string,
    vendorId: string,
    delta: number,
    reason: PointsReason,
    reference: string,
  ): LedgerEntryRecord {
    return { id: randomUUID(), userId, vendorId, delta, reason, reference, createdAt: this.now() };
  }

  private async program(vendorId: string): Promise<LoyaltyProgramRecord | null> {
    return (await this.deps.programs.findByVendorIds([vendorId]))[0] ?? null;
  }

  private async programOrRefuse(vendorId: string): Promise<LoyaltyProgramRecord> {
    const program = await this.program(vendorId);
    if (program) return program;
    if (!(await this.deps.vendors.findById(vendorId))) throw notFound(`no vendor with id ${vendorId}`);
    throw badUserInput("this vendor has no loyalty program", "vendorId");
  }

  private async assertActive(userId: string, field?: string): Promise<void> {
    const status = await this.deps.accounts.accountStatus(userId);
    if (status === "missing")
      throw field
        ? badUserInput(`no account with id ${userId}`, field)
        : notFound("you have no account yet: create it with createUser");
    if (status === "deleted") throw conflict("this account was deleted");
  }
}

/** The router's own code for a spent budget, with when to come back, so clients handle both alike. */
function rateLimited(retryAt: Date, now: Date, limitPerHour: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return new GraphQLError(`at most ${limitPerHour} check-ins an hour: retry in ${retryAfterSeconds} s`, {
    extensions: { code: ErrorCode.RateLimited, retryAfterSeconds },
  });
}

/** Announces points earned, with the ledger entry that earns them; a duplicate announces nothing. */
function earned(entry: LedgerEntryRecord): Announce<AppendResult> {
  return (result) =>
    result.status === "appended"
      ? [
          newEvent("marketplace.points_earned", {
            userId: entry.userId,
            vendorId: entry.vendorId,
            points: entry.delta,
            entryId: entry.id,
            reason: entry.reason,
            at: entry.createdAt.toISOString(),
          }),
        ]
      : [];
}
