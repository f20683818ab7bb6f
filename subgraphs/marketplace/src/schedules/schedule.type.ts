import { Field, ObjectType, registerEnumType } from "type-graphql";
import { WEEKDAYS, type Weekday } from "./schedule.record.js";

export const WeekdayEnum = Object.fromEntries(WEEKDAYS.map((d) => [d, d])) as { [K in Weekday]: K };

registerEnumType(WeekdayEnum, {
  name: "Weekday",
  description: "A day of the week.",
  valuesConfig: {
    MONDAY: { description: "Monday." },
    TUESDAY: { description: "Tuesday." },
    WEDNESDAY: { description: "Wednesday." },
    THURSDAY: { description: "Thursday." },
    FRIDAY: { description: "Friday." },
    SATURDAY: { description: "Saturday." },
    SUNDAY: { description: "Sunday." },
  },
});

@ObjectType({
  description:
    "Open from `opens` to `closes`, local times in the vendor's time zone on the day the interval belongs to. When `closes` is before `opens` the interval crosses midnight and ends the next day.",
})
export class OpeningInterval {
  @Field(() => String, { description: 'Opening time, "HH:MM" (24-hour clock).' })
  opens!: string;

  @Field(() => String, {
    description:
      'Closing time, "HH:MM"; "24:00" is the end of the day, an earlier time than `opens` is the next day.',
  })
  closes!: string;

  @Field(() => Boolean, {
    description: "Whether the interval ends on the next day (for example 20:00–02:00).",
  })
  crossesMidnight!: boolean;
}

@ObjectType({ description: "The regular hours of one weekday." })
export class DayHours {
  @Field(() => WeekdayEnum, { description: "The weekday." })
  weekday!: Weekday;

  @Field(() => [OpeningInterval], {
    description: "The intervals that open on this weekday, by opening time; empty when closed that day.",
  })
  intervals!: OpeningInterval[];
}

@ObjectType({
  description:
    "Hours for one local date that replace the weekly hours of that date (a holiday, an event). An interval of the day before that crosses midnight still runs into it.",
})
export class ScheduleException {
  @Field(() => String, { description: "The local date, YYYY-MM-DD." })
  date!: string;

  @Field(() => Boolean, { description: "Closed all day (then `intervals` is empty)." })
  closed!: boolean;

  @Field(() => [OpeningInterval], {
    description: "The special hours that open on this date, by opening time.",
  })
  intervals!: OpeningInterval[];
}

@ObjectType({ description: "A vendor's published opening hours." })
export class VendorSchedule {
  @Field(() => String, {
    description: "The IANA time zone the hours are in (for example `America/Chicago`).",
  })
  timeZone!: string;

  @Field(() => [DayHours], { description: "The regular hours of each weekday: seven entries, Monday first." })
  weeklyHours!: DayHours[];

  @Field(() => [ScheduleException], { description: "Dates with other hours than usual, by date." })
  exceptions!: ScheduleException[];

  @Field(() => Date, { description: "When the schedule was last set (ISO 8601)." })
  updatedAt!: Date;
}
