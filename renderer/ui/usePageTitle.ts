import { useEffect } from 'react';

export const APP_NAME = 'Alternance Nouvelle-Aquitaine';

/** Each screen names itself in the window title (screen readers announce it). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${APP_NAME}`;
  }, [title]);
}
