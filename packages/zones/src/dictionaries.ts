import { readFileSync } from 'node:fs';
import type { Gazetteer } from './gazetteer.js';

/**
 * Hunspell stems that start in lower case are ordinary words (proper nouns are capitalised
 * there); the ones that are also city names go into `ordinaryWords`, the Russian ones all into
 * `russianWords`.
 */
export function markOrdinaryWords(g: Gazetteer, russian: string, english: string): void {
  for (const file of [russian, english]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const first = line.charCodeAt(0);
      if (Number.isNaN(first) || (first >= 65 && first <= 90) || (first >= 0x400 && first <= 0x42f)) continue;
      const slash = line.indexOf('/');
      let word = slash < 0 ? line : line.slice(0, slash);
      if (word.includes('ё')) word = word.replaceAll('ё', 'е');
      if (g.cities.has(word)) g.ordinaryWords.add(word);
      if (file === russian) g.russianWords.add(word);
    }
  }
}
