import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { platformMigrations } from './index';

describe('the platform migrations', () => {
  it('are listed in order, one file each, every file listed', () => {
    const names = Object.keys(platformMigrations);
    expect(names).toEqual([...names].sort());
    const files = readdirSync(import.meta.dirname)
      .filter((name) => /^\d{4}-.*(?<!\.test)\.ts$/.test(name))
      .sort();
    expect(files.map((name) => name.slice(0, 4))).toEqual(names.map((name) => name.slice(0, 4)));
  });
});
