import { describe, expect, it } from 'vitest';
import { collectScope } from './audit.js';
import { InputError } from './util/errors.js';

describe('collectScope', () => {
  it('collects for the areas of the selected checks only', () => {
    expect(collectScope({ include: ['root', 'identity', 'password-policy'] })).toEqual(['identity']);
    expect(collectScope({ include: ['budget-exists'] })).toEqual(['cost']);
    expect(new Set(collectScope({}))).toEqual(new Set(['identity', 'cost', 'logging', 'monitoring', 'exposure']));
    expect(collectScope({ exclude: ['root', 'identity', 'password-policy', 'policy', 'logging', 'monitoring', 'exposure'] })).toEqual(['cost']);
  });

  it('refuses an unknown check before anything is collected', () => {
    expect(() => collectScope({ include: ['budget-exist'] })).toThrow(InputError);
  });
});
