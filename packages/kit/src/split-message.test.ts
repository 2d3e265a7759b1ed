import { describe, expect, it } from 'vitest';
import { splitMessage } from './split-message.js';

describe('splitMessage', () => {
  it('keeps a short text whole', () => {
    expect(splitMessage('  Добрый день!  ', 4096)).toEqual(['Добрый день!']);
    expect(splitMessage('', 10)).toEqual([]);
  });

  it('cuts at the last sentence that fits, every part within the limit, nothing lost', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Предложение номер ${i}, довольно длинное.`);
    const text = sentences.join(' ');
    const parts = splitMessage(text, 4096);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('prefers a paragraph, falls back to a word, then a hard cut that never halves an emoji', () => {
    expect(splitMessage(`${'a '.repeat(30)}\n\n${'b '.repeat(30)}`, 80)).toEqual(['a '.repeat(30).trim(), 'b '.repeat(30).trim()]);
    expect(splitMessage('word '.repeat(10), 12).every((p) => p.length <= 12)).toBe(true);
    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const parts = splitMessage(emoji, 5);
    expect(parts.join('')).toBe(emoji);
    expect(parts.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});
