import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/** The shade that keeps text 4.5:1 on the dark scheme's backgrounds (dark-7 #242424, dark-6). */
const DARK_TEXT_SHADE = 3;

/**
 * The app asks for dark shades (`red.9`, `blue.9`...) to pass WCAG AA on white; on the dark
 * scheme the same shade is too dark to read. Outlined and subtle variants (text and border in
 * the colour, no fill) therefore take a light shade there, through CSS light-dark() (Mantine
 * sets `color-scheme` on <html>). Filled variants keep their colour: white text stays readable.
 */
export const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'outline' && input.variant !== 'subtle') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade === undefined || parsed.shade <= DARK_TEXT_SHADE) return colors;
  const dark = `var(--mantine-color-${parsed.color}-${DARK_TEXT_SHADE})`;
  const light = `var(--mantine-color-${parsed.color}-${parsed.shade})`;
  const both = `light-dark(${light}, ${dark})`;
  return {
    ...colors,
    color: both,
    border: input.variant === 'outline' ? `1px solid ${both}` : colors.border,
  };
};

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on buttons above the 4.5:1 contrast WCAG AA asks for.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  variantColorResolver,
});

/**
 * Mantine's default greys and light blues are below 4.5:1 on white, and its dark « dimmed »
 * (#828282) below it on #242424; these pass WCAG AA. `--app-color-*` are the app's own
 * colours (renderer/ui/colors.ts), one value per scheme.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Text of "light" variants (active menu entry...) on their pale background.
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    // Warnings (outlined orange alerts and buttons): Mantine's orange is 3.6:1 on white.
    '--mantine-color-orange-outline': '#8a3b00',
    // 4.5:1 on white and on striped or hovered table rows (#f1f3f5).
    '--app-color-success': '#0b6b50',
    '--app-color-warning': '#8a3b00',
    '--app-color-brand': 'var(--mantine-color-blue-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-3)',
    '--app-color-success': 'var(--mantine-color-teal-3)',
    '--app-color-warning': 'var(--mantine-color-orange-3)',
    '--app-color-brand': 'var(--mantine-color-blue-3)',
  },
});
