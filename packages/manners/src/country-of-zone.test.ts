import { describe, expect, it } from 'vitest';
import { countryOfZone } from './country-of-zone.js';

describe('countryOfZone', () => {
  it('gives the country of a zone', () => {
    expect(countryOfZone('Europe/Moscow')).toBe('RU');
    expect(countryOfZone('Asia/Yekaterinburg')).toBe('RU');
    expect(countryOfZone('Asia/Makassar')).toBe('ID');
    expect(countryOfZone('America/New_York')).toBe('US');
    expect(countryOfZone('Asia/Kolkata')).toBe('IN');
  });

  it("takes the zone's own country where neighbours share it", () => {
    // tzdb: Berlin also keeps DK, NO, SE; Dubai also OM; Zurich also DE (Büsingen) and LI
    expect(countryOfZone('Europe/Berlin')).toBe('DE');
    expect(countryOfZone('Asia/Dubai')).toBe('AE');
    expect(countryOfZone('Europe/Zurich')).toBe('CH');
  });

  it('knows link names by the country they stand for', () => {
    expect(countryOfZone('Europe/Oslo')).toBe('NO');
    expect(countryOfZone('Asia/Calcutta')).toBe('IN');
    expect(countryOfZone('Europe/Kiev')).toBe('UA');
    expect(countryOfZone('US/Eastern')).toBe('US');
  });

  it('gives null for zones of no country and for non-zones', () => {
    expect(countryOfZone('UTC')).toBeNull();
    expect(countryOfZone('Etc/UTC')).toBeNull();
    expect(countryOfZone('Etc/GMT-3')).toBeNull();
    expect(countryOfZone('Mars/Olympus')).toBeNull();
    expect(countryOfZone('')).toBeNull();
  });
});
