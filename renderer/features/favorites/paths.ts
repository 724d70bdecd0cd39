export const FAVORITES_PATH = '/mon-espace/favoris';
