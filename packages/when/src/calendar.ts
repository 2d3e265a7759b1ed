import type { MonthPick, Period, WhenSpec } from './spec.js';
import { addDays, addMonths, isRealDate, weekdayOf, type LocalDate } from './zoned-time.js';

/**
 * The local dates a spec may mean, earliest first; the resolver takes the first whose time is
 * still ahead. Most phrases name one date; "1 декабря" (no year), "25-го", "в 15:00" (today or
 * tomorrow) name their next occurrence, so they list the candidates in order.
 */
export function candidateDates(spec: WhenSpec, today: LocalDate): LocalDate[] {
  if (!spec.shift) return baseDates(spec, today);
  // "через неделю после понедельника": the named day's candidates, each moved by the offset. With
  // no day named ("через неделю после праздников") there is nothing to count from.
  const { days, months } = spec.shift;
  return namesDay(spec) ? baseDates(spec, today).map((d) => addDays(addMonths(d, months), days)) : [];
}

function namesDay(spec: WhenSpec): boolean {
  return [spec.date, spec.monthDay, spec.dayOfMonth, spec.monthPick, spec.days, spec.months, spec.dayOffset, spec.weekday, spec.period].some(
    (part) => part !== undefined,
  );
}

function baseDates(spec: WhenSpec, today: LocalDate): LocalDate[] {
  if (spec.date) return [spec.date];
  if (spec.monthDay) {
    const { month, day } = spec.monthDay;
    // 29 February waits for a leap year: up to eight years ahead covers every gap.
    return range(9).map((k) => ({ year: today.year + k, month, day })).filter(isRealDate);
  }
  if (spec.monthPick) return monthPickDates(spec.monthPick, today);
  // "в следующем месяце, 20-го": the day in the month named.
  if (spec.dayOfMonth !== undefined && spec.period?.unit === 'month') {
    const { month, next } = spec.period;
    return monthPickDates({ day: spec.dayOfMonth, month, which: next ? 'next' : 'any' }, today);
  }
  if (spec.dayOfMonth !== undefined) {
    const day = spec.dayOfMonth;
    return range(4).map((k) => ({ ...addMonths({ ...today, day: 1 }, k), day })).filter(isRealDate);
  }
  if (spec.days !== undefined || spec.months !== undefined) {
    const target = addMonths(addDays(today, spec.days ?? 0), spec.months ?? 0);
    // "через неделю в пятницу": the Friday of the week a week from now, not the next Friday.
    const inWeek = spec.weekday !== undefined && !spec.months && (spec.days ?? 0) % 7 === 0;
    return [inWeek ? weekdayInWeekOf(target, spec.weekday!) : target];
  }
  if (spec.dayOffset !== undefined) return [addDays(today, spec.dayOffset)];
  if (spec.period) return periodDates(spec.period, spec.weekday, today);
  // A weekday is its next occurrence after today: on a Wednesday, "в среду" is a week later.
  if (spec.weekday !== undefined) return [nextWeekday(today, spec.weekday)];
  // A time of day alone is today if still ahead, otherwise tomorrow — unless the text speaks of
  // the past ("вчера в 5 смотрел"), when it was a time that has been.
  if ((spec.clock || spec.partOfDay) && !spec.past) return [today, addDays(today, 1)];
  return [];
}

function periodDates(period: Period, weekday: number | undefined, today: LocalDate): LocalDate[] {
  const monday = nextWeekday(today, 1);
  switch (period.unit) {
    case 'week': {
      if (weekday !== undefined && (period.next || period.part === 'start')) return [weekdayInWeekOf(monday, weekday)];
      if (period.part === 'start') return [monday];
      const day = period.part === 'middle' ? 3 : 5;
      // "в конце недели" is this week's Friday while it is ahead; from Friday on, next week's.
      const thisWeek = weekdayInWeekOf(today, day);
      return [period.next || !after(thisWeek, today) ? addDays(monday, day - 1) : thisWeek];
    }
    case 'weekend': {
      const saturday = period.next ? addDays(monday, 5) : nextWeekday(today, 6);
      return [weekday === 0 ? addDays(saturday, 1) : saturday];
    }
    case 'month': {
      const first = { ...today, day: 1 };
      if (period.month !== undefined) {
        // A named month: this year's if still ahead, else next year's.
        const skip = (period.month - today.month + 12) % 12;
        return [0, 12].map((extra) => dayInMonth(addMonths(first, skip + extra), period.part));
      }
      if (period.next) return [dayInMonth(addMonths(first, 1), period.part)];
      return [dayInMonth(first, period.part), dayInMonth(addMonths(first, 1), period.part)];
    }
  }
}

/** The picked day in each month it may mean, earliest first; months where it does not exist (a 5th Monday, the 31st) are skipped. */
function monthPickDates(pick: MonthPick, today: LocalDate): LocalDate[] {
  const first = { ...today, day: 1 };
  const skips =
    pick.month !== undefined
      ? [(pick.month - today.month + 12) % 12, (pick.month - today.month + 12) % 12 + 12]
      : { this: [0], next: [1], any: [0, 1, 2, 3] }[pick.which];
  return skips.map((k) => dayOfPick(addMonths(first, k), pick)).filter((d): d is LocalDate => d !== null);
}

function dayOfPick(first: LocalDate, pick: MonthPick): LocalDate | null {
  const last = addDays(addMonths(first, 1), -1);
  if (pick.weekday === undefined) {
    const date = pick.day === -1 ? last : { ...first, day: pick.day ?? 1 };
    return isRealDate(date) ? date : null;
  }
  if (pick.nth === -1) return addDays(last, -((weekdayOf(last) - pick.weekday + 7) % 7));
  const date = addDays(first, (pick.weekday - weekdayOf(first) + 7) % 7 + 7 * ((pick.nth ?? 1) - 1));
  return date.month === first.month ? date : null;
}

/** The start (1st), middle (15th) or end (last day) of the month `first` is in. */
function dayInMonth(first: LocalDate, part: Period['part']): LocalDate {
  if (part === 'start') return first;
  if (part === 'middle') return { ...first, day: 15 };
  return addDays(addMonths(first, 1), -1);
}

/** The next `weekday` strictly after `today`. */
export function nextWeekday(today: LocalDate, weekday: number): LocalDate {
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7 || 7);
}

/** `weekday` in the Monday-to-Sunday week that contains `date`. */
function weekdayInWeekOf(date: LocalDate, weekday: number): LocalDate {
  const mondayBased = (d: number) => (d + 6) % 7;
  return addDays(date, mondayBased(weekday) - mondayBased(weekdayOf(date)));
}

const after = (a: LocalDate, b: LocalDate) => Date.UTC(a.year, a.month - 1, a.day) > Date.UTC(b.year, b.month - 1, b.day);
const range = (n: number) => Array.from({ length: n }, (_, k) => k);
