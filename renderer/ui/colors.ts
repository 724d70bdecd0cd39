// Badge and text colours that keep 4.5:1 (WCAG AA) on white AND on the grey of striped or
// hovered table rows (#f1f3f5), where Mantine's teal.9 (4.49:1) and orange shades fall short.

/** Done, accepted (a dark teal). */
export const SUCCESS_COLOR = '#0b6b50';
/** Waiting, to look at (a dark orange). */
export const WARNING_COLOR = '#8a3b00';
