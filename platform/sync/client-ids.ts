import { fieldProblem } from '../http/problem';

/**
 * Desktops make the ids of what they create (offline creation, idempotent retries). An id
 * already used, by any structure, is a conflict, never a takeover of the existing row.
 */
export const idTaken = (what: string) =>
  fieldProblem(
    409,
    'id_taken',
    'id',
    `${what} porte déjà cet identifiant sur la plateforme : créez-le de nouveau pour qu’il en reçoive un autre.`,
  );
