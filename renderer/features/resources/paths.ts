/** "Aide › Espace ressources". */
export const RESOURCES_PATH = '/espace-ressources';
