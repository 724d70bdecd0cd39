import { notifications } from '@mantine/notifications';

/** A short confirmation toast; its close button is named for screen readers. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'teal.9',
    message,
    closeButtonProps: { 'aria-label': 'Fermer la notification' },
  });
}

export function notifyError(message: string): void {
  notifications.show({
    color: 'red.9',
    message,
    closeButtonProps: { 'aria-label': 'Fermer la notification' },
  });
}
