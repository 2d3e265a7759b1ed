import { gazetteer } from './gazetteer.js';
import { placeAt } from './places.js';
import { words } from './text.js';
import { isValidZone } from './valid.js';

export { findZoneMention, type ZoneMention } from './find.js';
export { zoneLabel } from './label.js';

/**
 * A place name alone ("Москва", "Berlin", "Казахстан", "Москве", "Нижний Новгород") → its IANA
 * zone, or null: unknown, or a country that spans several zones (Russia, the USA, Indonesia).
 * The name is trusted as a place even when it is also a word ("Вена", "Nice").
 */
export function zoneOfPlace(name: string): string | null {
  const ws = words(name);
  if (!ws.length) return null;
  const hit = placeAt(ws, 0, ['nom', 'gen', 'dat', 'acc', 'ins', 'prep'], name, 'name');
  if (!hit || hit.length !== ws.length || !hit.timeZone) return null;
  return isValidZone(hit.timeZone) ? hit.timeZone : null;
}

/**
 * Reads the city table and dictionaries now rather than on the first message (~0.8 s, once per
 * process): a service may call it at start-up.
 */
export function preloadZones(): void {
  gazetteer();
}
