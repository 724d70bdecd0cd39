import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { colorSchemeOf } from './appearance';
import { useConfig } from './queries';

/**
 * Applies the saved « Thème » to the page. Mantine also keeps the last scheme in localStorage,
 * so a reload starts in it before the settings are read: no flash of the wrong scheme.
 */
export function ThemeSync() {
  const theme = useConfig().data?.values.theme.value;
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    if (theme) setColorScheme(colorSchemeOf(theme));
  }, [theme, setColorScheme]);
  return null;
}
