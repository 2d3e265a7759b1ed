import { describe, expect, it } from 'vitest';
import { isDayGranular } from './granularity.js';

describe('isDayGranular', () => {
  it.each(['завтра', 'напишите через неделю', 'в начале следующего месяца', '3d', '1w', '2026-12-01', 'next Monday', 'после праздников в пятницу'])('"%s": the day is named, the hour is ours', (text) => {
    expect(isDayGranular(text)).toBe(true);
  });
  it.each(['завтра в 15:00', 'завтра утром', 'через 2 часа', '45m', 'tomorrow at 3pm', '2026-12-01T10:00:00+08:00', 'завтра в это же время', 'в пятницу вечером'])('"%s": the client named the time', (text) => {
    expect(isDayGranular(text)).toBe(false);
  });
});
