import { describe, expect, it } from 'vitest';
import { DEFAULT_SEND_WINDOW, parseSendWindow } from './send-window.js';

describe('parseSendWindow', () => {
  it('reads the settings defaults as every day 09:00–21:00', () => {
    expect(parseSendWindow('09:00', '21:00', 'mon-sun')).toEqual(DEFAULT_SEND_WINDOW);
    expect(DEFAULT_SEND_WINDOW.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  it('reads ranges, lists and their mix, Monday first', () => {
    expect(parseSendWindow('09:00', '21:00', 'mon-fri').days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseSendWindow('09:00', '21:00', 'mon,wed,fri').days).toEqual(['mon', 'wed', 'fri']);
    expect(parseSendWindow('09:00', '21:00', 'mon-wed,fri').days).toEqual(['mon', 'tue', 'wed', 'fri']);
    expect(parseSendWindow('09:00', '21:00', 'sat').days).toEqual(['sat']);
  });

  it('runs a range forward through the week, wrapping past Sunday (the Gulf works sun-thu)', () => {
    expect(parseSendWindow('09:00', '21:00', 'sun-thu').days).toEqual(['mon', 'tue', 'wed', 'thu', 'sun']);
    expect(parseSendWindow('09:00', '21:00', 'fri-mon').days).toEqual(['mon', 'fri', 'sat', 'sun']);
  });

  it('forgives case, spaces and a one-digit hour, and prints clocks as HH:MM', () => {
    expect(parseSendWindow(' 9:00', '21:30 ', ' Mon - Fri ')).toEqual({ from: '09:00', to: '21:30', days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
  });

  it('names the bad clock value', () => {
    expect(() => parseSendWindow('9am', '21:00', 'mon-fri')).toThrow('send window "from" must be a local time HH:MM from 00:00 to 23:59, e.g. "09:00"; got "9am"');
    expect(() => parseSendWindow('09:00', '24:00', 'mon-fri')).toThrow(/"to" must be a local time HH:MM.*got "24:00"/);
    expect(() => parseSendWindow('09:60', '21:00', 'mon-fri')).toThrow(/"from"/);
  });

  it('names the bad day', () => {
    expect(() => parseSendWindow('09:00', '21:00', 'mon-fry')).toThrow('send window days: "fry" is not a weekday (mon, tue, wed, thu, fri, sat, sun) in "mon-fry"; write e.g. mon-fri or mon,wed,fri');
    expect(() => parseSendWindow('09:00', '21:00', '')).toThrow(/"" is not a weekday/);
    expect(() => parseSendWindow('09:00', '21:00', 'mon,,fri')).toThrow(/"" is not a weekday/);
    expect(() => parseSendWindow('09:00', '21:00', 'monday')).toThrow(/"monday" is not a weekday/);
    expect(() => parseSendWindow('09:00', '21:00', 'mon-wed-fri')).toThrow(/"mon-wed-fri" is not a day or a range like mon-fri/);
  });

  it('refuses overnight and empty windows', () => {
    expect(() => parseSendWindow('22:00', '06:00', 'mon-sun')).toThrow(
      'send window closes at 06:00, not after it opens at 22:00: "to" must be later than "from" the same day (overnight windows are not supported)',
    );
    expect(() => parseSendWindow('09:00', '09:00', 'mon-sun')).toThrow(/overnight windows are not supported/);
  });
});
