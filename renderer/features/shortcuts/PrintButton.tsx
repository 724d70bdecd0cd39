import { Button } from '@mantine/core';

/** "Imprimer": the page as the print style sheet lays it out (no menus, no buttons, black on white). */
export function PrintButton() {
  return (
    <Button variant="default" onClick={() => window.print()} className="no-print">
      Imprimer
    </Button>
  );
}
