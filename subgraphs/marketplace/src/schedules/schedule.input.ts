import { Field, ID, InputType } from "type-graphql";
import type { Weekday } from "./schedule.record.js";
import { WeekdayEnum } from "./schedule.type.js";

@InputType({ description: "Open from `opens` to `closes`, local times in the vendor's time zone." })
export class OpeningIntervalInput {
  @Field(() => String, { description: 'Opening time, "HH:MM" from 00:00 to 23:59.' })
  opens!: string;

  @Field(() => String, {
    description:
      'Closing time, "HH:MM". After `opens`: the same day ("24:00" is its end). Before `opens`: the next day, the interval crosses midnight (20:00–02:00). Equal to `opens`: refused; a whole day is 00:00–24:00.',
  })
  closes!: string;
}

@InputType({ description: "The regular hours of one weekday." })
export class DayHoursInput {
  @Field(() => WeekdayEnum, { description: "The weekday; each at most once. Weekdays left out are closed." })
  weekday!: Weekday;

  @Field(() => [OpeningIntervalInput], {
    description: "Up to 6 intervals that open on this weekday; none: closed. They may not overlap.",
  })
  intervals!: OpeningIntervalInput[];
}

@InputType({ description: "Hours for one local date that replace its weekly hours." })
export class ScheduleExceptionInput {
  @Field(() => String, { description: "The local date, YYYY-MM-DD; each date at most once." })
  date!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Closed all day; then give no intervals.",
  })
  closed!: boolean;

  @Field(() => [OpeningIntervalInput], {
    defaultValue: [],
    description: "The special hours (up to 6) that open on this date, when it is not closed.",
  })
  intervals!: OpeningIntervalInput[];
}

@InputType({ description: "A vendor's whole schedule, replacing the one it had." })
export class SetVendorScheduleInput {
  @Field(() => ID, { description: "The vendor whose hours these are." })
  vendorId!: string;

  @Field(() => String, { description: "An IANA time zone, such as `America/Chicago`." })
  timeZone!: string;

  @Field(() => [DayHoursInput], { description: "The regular weekly hours." })
  weeklyHours!: DayHoursInput[];

  @Field(() => [ScheduleExceptionInput], {
    defaultValue: [],
    description: "Up to 100 dates with other hours than usual.",
  })
  exceptions!: ScheduleExceptionInput[];
}
