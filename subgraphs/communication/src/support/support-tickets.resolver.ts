import { Role } from "@venta/auth";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import { listTickets } from "./list-tickets.js";
import { OpenSupportTicketInput } from "./open-support-ticket.input.js";
import { SupportTicketConnection } from "./support-ticket.connection.js";
import { SupportTicket } from "./support-ticket.type.js";
import { SupportTicketStateEnum } from "./ticket.enum.js";
import type { TicketRecord, TicketState } from "./ticket.record.js";

const pageArgs = {
  first: { defaultValue: 20, description: "Page size, 1 to 100." },
  after: { nullable: true, description: "Cursor of the last edge already seen." },
} as const;

/** Opening and working support tickets. */
@Resolver(() => SupportTicket)
export class SupportTicketsResolver {
  @Authorized()
  @Query(() => SupportTicketConnection, {
    description: "The signed-in person's support tickets, newest first.",
  })
  mySupportTickets(
    @Ctx() ctx: CommunicationContext,
    @Arg("first", () => Int, pageArgs.first) first: number,
    @Arg("after", () => String, pageArgs.after) after: string | null,
    @Arg("state", () => SupportTicketStateEnum, {
      nullable: true,
      description: "Only tickets in this state.",
    })
    state: TicketState | null,
  ): Promise<SupportTicketConnection> {
    return listTickets(
      ctx.services.tickets,
      ctx.services.support.mine(ctx.viewer, state),
      "NEWEST_FIRST",
      first,
      after,
    );
  }

  @Authorized(Role.Admin)
  @Query(() => SupportTicketConnection, {
    description:
      "The support queue for admins, oldest first: tickets still needing someone unless a state is named.",
  })
  async supportQueue(
    @Ctx() ctx: CommunicationContext,
    @Arg("first", () => Int, pageArgs.first) first: number,
    @Arg("after", () => String, pageArgs.after) after: string | null,
    @Arg("state", () => SupportTicketStateEnum, {
      nullable: true,
      description: "Only tickets in this state; OPEN, ASSIGNED and PENDING when absent.",
    })
    state: TicketState | null,
    @Arg("assigneeId", () => ID, { nullable: true, description: "Only tickets assigned to this admin." })
    assigneeId: string | null,
  ): Promise<SupportTicketConnection> {
    const filter = await ctx.services.support.queue(ctx.viewer, state, assigneeId);
    return listTickets(ctx.services.tickets, filter, "OLDEST_FIRST", first, after);
  }

  @Authorized()
  @Query(() => SupportTicket, {
    nullable: true,
    description:
      "A support ticket the signed-in person opened, or any ticket for an admin; NOT_FOUND otherwise.",
  })
  supportTicket(
    @Arg("id", () => ID, { description: "The ticket's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<TicketRecord> {
    return ctx.services.support.visible(ctx.viewer, id);
  }

  @Authorized()
  @Mutation(() => SupportTicket, { description: "Opens a support ticket for the signed-in person." })
  openSupportTicket(
    @Arg("input", () => OpenSupportTicketInput, { description: "The request." })
    input: OpenSupportTicketInput,
    @Ctx() ctx: CommunicationContext,
  ): Promise<TicketRecord> {
    return ctx.services.support.open(ctx.viewer, input);
  }

  @Authorized()
  @Mutation(() => SupportTicket, {
    description:
      "Replies to a ticket, as the person who opened it or as support (an admin). Support replying makes it PENDING; the requester replying hands it back to support. Closed tickets take no replies.",
  })
  replyToSupportTicket(
    @Arg("ticketId", () => ID, { description: "The ticket to reply to." }) ticketId: string,
    @Arg("body", () => String, { description: "The reply: 1 to 10000 characters once trimmed." })
    body: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<TicketRecord> {
    return ctx.services.support.reply(ctx.viewer, ticketId, body);
  }

  @Authorized(Role.Admin)
  @Mutation(() => SupportTicket, {
    description:
      "Assigns a ticket to a support agent: the calling admin, or another admin who has worked the support queue.",
  })
  assignSupportTicket(
    @Arg("ticketId", () => ID, { description: "The ticket to assign." }) ticketId: string,
    @Arg("assigneeId", () => ID, {
      nullable: true,
      description: "The admin to assign it to; the caller when absent.",
    })
    assigneeId: string | null,
    @Ctx() ctx: CommunicationContext,
  ): Promise<TicketRecord> {
    return ctx.services.support.assign(ctx.viewer, ticketId, assigneeId);
  }

  @Authorized()
  @Mutation(() => SupportTicket, {
    description: "Closes a ticket, as the person who opened it or as an admin. A closed ticket stays closed.",
  })
  closeSupportTicket(
    @Arg("ticketId", () => ID, { description: "The ticket to close." }) ticketId: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<TicketRecord> {
    return ctx.services.support.close(ctx.viewer, ticketId);
  }
}
