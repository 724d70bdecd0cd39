import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { shortcutOf } from './shortcuts';

/** The app-wide shortcuts (the list is in shortcuts.ts), installed once by the shell. */
export function useShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutOf(event, navigator.platform);
      if (!action) return;
      event.preventDefault();
      if (action === 'back') void navigate(-1);
      else if (action === 'forward') void navigate(1);
      else window.print();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
