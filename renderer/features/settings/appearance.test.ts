import { describe, expect, it } from 'vitest';
import { themeSchema } from '../../../shared/domain/config';
import { colorSchemeOf } from './appearance';

describe('colorSchemeOf', () => {
  it('gives Mantine « auto » for « Système », so the page follows prefers-color-scheme', () => {
    expect(themeSchema.options.map(colorSchemeOf)).toEqual(['light', 'dark', 'auto']);
  });
});
