import type { MantineColorScheme } from '@mantine/core';
import type { Theme } from '../../../shared/domain/config';

/** « Système » is Mantine's `auto`: it follows `prefers-color-scheme`, and its changes. */
const COLOR_SCHEMES: Record<Theme, MantineColorScheme> = {
  system: 'auto',
  light: 'light',
  dark: 'dark',
};

export function colorSchemeOf(theme: Theme): MantineColorScheme {
  return COLOR_SCHEMES[theme];
}
