export const DASHBOARD_PATH = '/mon-espace/tableau-de-bord';
