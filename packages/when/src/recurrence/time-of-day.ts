import { DEFAULT_PART_OF_DAY_HOURS, hourWithin, type PartOfDayHours } from '../parts-of-day.js';
import type { PartOfDay, WhenSpec } from '../spec.js';
import type { TimeOfDay } from './schedule.js';

/**
 * The time of day of a series, read the way resolveWhen reads one (resolve.ts): a part of day puts
 * the hour in it ("каждый вечер в 7" → 19:00), a bare hour 1–8 is the afternoon ("every day at 5"
 * → 17:00: nobody asks for a message at 5 in the morning), midnight is 0:00. `implied`: the part of
 * day the habit itself names ("каждое утро"). With no time at all: `defaultHour`:00.
 */
export function timeOfDay(spec: WhenSpec, implied: PartOfDay | undefined, defaultHour: number, partOfDayHours: Partial<PartOfDayHours> = {}): TimeOfDay {
  const part = spec.partOfDay ?? implied;
  const { clock } = spec;
  if (clock) {
    const hour = part ? hourWithin(part, clock.hour) : clock.bareHour && clock.hour >= 1 && clock.hour <= 8 ? clock.hour + 12 : clock.hour;
    // "без четверти пять" → 16:45; hour 24 (midnight) wraps to 0.
    const minutes = (((hour * 60 + clock.minute - (clock.minus ?? 0)) % 1440) + 1440) % 1440;
    return { hour: Math.floor(minutes / 60), minute: minutes % 60 };
  }
  if (part) return { hour: partOfDayHours[part] ?? DEFAULT_PART_OF_DAY_HOURS[part], minute: 0 };
  return { hour: defaultHour, minute: 0 };
}
