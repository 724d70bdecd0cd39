export const ALERTS_PATH = '/mon-espace/alertes';
