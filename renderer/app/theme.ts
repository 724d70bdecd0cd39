import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on buttons above the 4.5:1 contrast WCAG AA asks for.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
});

/** Mantine's default greys and light blues are below 4.5:1 on white; these pass WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Text of "light" variants (active menu entry...) on their pale background.
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    // Warnings (outlined orange alerts and buttons): Mantine's orange is 3.6:1 on white.
    '--mantine-color-orange-outline': '#8a3b00',
  },
  dark: {},
});
