import { backTo } from '../profiles/paths';

export const DASHBOARD_PATH = '/mon-espace/tableau-de-bord';

/** The state of a link from the dashboard to a profile: its "Retour" comes back here. */
export const FROM_DASHBOARD = backTo(DASHBOARD_PATH, 'Retour au tableau de bord');
