import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether the window is wide enough (the theme's xl breakpoint, 1408 px) for the tables' secondary
 * columns beside the 270 px menu. Below it, at 1280 or 1366 px, a table folds those columns into
 * another cell (a second line) rather than scrolling sideways. One copy of the content either way,
 * unlike CSS `visibleFrom`/`hiddenFrom`, which would leave a hidden twin of each text in the row.
 */
export function useWideTables(): boolean {
  const { breakpoints } = useMantineTheme();
  return useMediaQuery(`(min-width: ${breakpoints.xl})`, undefined, { getInitialValueInEffect: false });
}
