export const SETTINGS_PATH = '/parametres';
