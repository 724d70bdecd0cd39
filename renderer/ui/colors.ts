// Badge and text colours that keep 4.5:1 (WCAG AA) on white AND on the grey of striped or
// hovered table rows (#f1f3f5), where Mantine's teal.9 (4.49:1) and orange shades fall short,
// and on the dark scheme's backgrounds: each is a CSS variable with one value per scheme
// (renderer/app/theme.ts, cssVariablesResolver).

/** Done, accepted (a dark teal; a light one on the dark scheme). */
export const SUCCESS_COLOR = 'var(--app-color-success)';
/** Waiting, to look at (a dark orange; a light one on the dark scheme). */
export const WARNING_COLOR = 'var(--app-color-warning)';
/** The app's name and pictograms (blue 9; blue 3 on the dark scheme). */
export const BRAND_COLOR = 'var(--app-color-brand)';
