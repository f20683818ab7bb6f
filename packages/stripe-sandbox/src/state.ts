import type { Account } from "./accounts/account.object.js";
import type { BalanceTransaction } from "./balance-transactions/balance-transaction.object.js";
import type { Charge } from "./charges/charge.object.js";
import type { Dispute } from "./disputes/dispute.object.js";
import type { StripeEvent } from "./events/event.object.js";
import { noSuchObject } from "./http/api-error.js";
import type { PaymentIntent } from "./payment-intents/payment-intent.object.js";
import type { PaymentMethod } from "./payment-methods/payment-method.object.js";
import type { Refund } from "./refunds/refund.object.js";

/** One kind of object, kept in creation order: lists page over it newest first, as Stripe's do. */
export class Collection<T extends { id: string }> {
  private readonly byId = new Map<string, T>();

  /** `kind` is how Stripe names the object in "No such …" messages. */
  constructor(readonly kind: string) {}

  add(object: T): T {
    this.byId.set(object.id, object);
    return object;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** The object, or Stripe's "No such …": a 404 for a path id, a 400 naming `param` otherwise. */
  require(id: string, param?: string): T {
    const found = this.byId.get(id);
    if (!found) throw noSuchObject(this.kind, id, param);
    return found;
  }

  newestFirst(): T[] {
    return [...this.byId.values()].reverse();
  }
}

/** A pending onboarding link: what its URL's token stands for. */
export interface AccountLinkRecord {
  account: string;
  refreshUrl: string;
  returnUrl: string;
  expiresAt: number;
  visited: boolean;
}

/** Everything the sandbox remembers: one platform account's test-mode data, in memory only. */
export class SandboxState {
  readonly accounts = new Collection<Account>("account");
  readonly balanceTransactions = new Collection<BalanceTransaction>("balance_transaction");
  readonly charges = new Collection<Charge>("charge");
  readonly disputes = new Collection<Dispute>("dispute");
  readonly events = new Collection<StripeEvent>("event");
  readonly paymentIntents = new Collection<PaymentIntent>("payment_intent");
  readonly paymentMethods = new Collection<PaymentMethod>("PaymentMethod");
  readonly refunds = new Collection<Refund>("refund");
  readonly accountLinks = new Map<string, AccountLinkRecord>();

  /** Any object by id, whatever its kind: what `expand` replaces an id with. */
  find(id: string): object | undefined {
    const collections: Collection<{ id: string }>[] = [
      this.accounts,
      this.balanceTransactions,
      this.charges,
      this.disputes,
      this.events,
      this.paymentIntents,
      this.paymentMethods,
      this.refunds,
    ];
    for (const collection of collections) {
      const found = collection.get(id);
      if (found) return found;
    }
    return undefined;
  }
}
