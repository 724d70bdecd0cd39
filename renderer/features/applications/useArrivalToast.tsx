import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { bridge } from '../../api/bridge';
import { plural } from '../../ui/plural';
import { applicationsListPath, newApplicationsPath } from './paths';

const TOAST_ID = 'applications-arrived';

/**
 * After a sync brings new applications: in Electron the shell shows a desktop notification,
 * whose click sends `applications.open`; in a browser a toast says how many (added up while it
 * stays open) and opens the list "A traiter". It stays until closed: a screen-reader user must
 * have time to reach its button.
 */
export function useArrivalToast(): void {
  const navigate = useNavigate();
  const shown = useRef(0);
  useEffect(
    () =>
      bridge().subscribe((event) => {
        if (event.type === 'applications.open') {
          navigate(applicationsListPath({ status: event.payload.status }));
          return;
        }
        if (event.type !== 'applications.arrived' || window.api) return;
        const count = shown.current + event.payload.count;
        const open = shown.current > 0;
        shown.current = count;
        const toast = {
          id: TOAST_ID,
          color: 'blue.9',
          // No title: Mantine greys the message under one, below the contrast WCAG AA asks for.
          message: (
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {plural(count, 'nouvelle candidature', 'nouvelles candidatures')}
              </Text>
              <Button
                size="xs"
                onClick={() => {
                  notifications.hide(TOAST_ID);
                  navigate(newApplicationsPath());
                }}
              >
                Voir les candidatures
              </Button>
            </Group>
          ),
          autoClose: false as const,
          closeButtonProps: { 'aria-label': 'Fermer la notification' },
          onClose: () => {
            shown.current = 0;
          },
        };
        if (open) notifications.update(toast);
        else notifications.show(toast);
      }),
    [navigate],
  );
}
