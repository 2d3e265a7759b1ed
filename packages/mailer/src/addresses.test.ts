import { describe, expect, it } from 'vitest';
import { isMailAddress, partitionAddresses } from './addresses.js';

describe('isMailAddress', () => {
  it.each(['anna@team.test', 'a.b+reports@mail.example.com', 'root@localhost', 'иван@пример.рф'])('%s is a bare address', (a) => {
    expect(isMailAddress(a)).toBe(true);
  });

  it.each(['', 'anna', 'anna@', '@team.test', 'a b@team.test', 'Anna <anna@team.test>', 'a@b, c@d', 'a@b@c', `${'x'.repeat(250)}@t.test`])('%j is not', (a) => {
    expect(isMailAddress(a)).toBe(false);
  });
});

it('partitionAddresses keeps the order within each side', () => {
  expect(partitionAddresses(['b@t.test', 'bad', 'a@t.test'])).toEqual({ valid: ['b@t.test', 'a@t.test'], invalid: ['bad'] });
});
