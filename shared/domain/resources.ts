/**
 * "Espace ressources": the manual's guides, the remuneration aid and useful official links.
 * Every address is https on a public-service host the desktop shell lets open in the browser
 * (electron/main/security/external-links.ts checks this list against its allow-list).
 */
export interface ResourceLink {
  title: string;
  description: string;
  url: string;
}

export interface ResourceSection {
  title: string;
  links: ResourceLink[];
}

export const RESOURCE_SECTIONS: ResourceSection[] = [
  {
    title: 'Guides',
    links: [
      {
        title: 'Le portail de l’alternance',
        description:
          'Offres, démarches et guides pour les employeurs, les jeunes et les organismes de formation.',
        url: 'https://www.alternance.emploi.gouv.fr',
      },
      {
        title: 'L’apprentissage',
        description:
          'Le contrat d’apprentissage expliqué par le ministère du Travail : conditions, durée, statut.',
        url: 'https://travail-emploi.gouv.fr/lapprentissage',
      },
      {
        title: 'L’apprentissage en Nouvelle-Aquitaine',
        description: 'Les actions et aides de la Région pour l’apprentissage.',
        url: 'https://www.nouvelle-aquitaine.fr',
      },
    ],
  },
  {
    title: 'Aide à la rémunération',
    links: [
      {
        title: 'Simulateur de rémunération de l’apprenti',
        description: 'Calculer le salaire minimum d’un apprenti selon son âge et son année de contrat.',
        url: 'https://www.alternance.emploi.gouv.fr/simulateur-alternant/etape-1',
      },
      {
        title: 'Rémunération et aides à l’embauche',
        description: 'Barèmes de rémunération et aides de l’État pour l’embauche d’un apprenti.',
        url: 'https://travail-emploi.gouv.fr/aides-lembauche-en-alternance',
      },
    ],
  },
  {
    title: 'Liens utiles',
    links: [
      {
        title: 'France Travail',
        description: 'Diffusion des offres et accompagnement des candidats.',
        url: 'https://www.francetravail.fr',
      },
      {
        title: 'Service-public.fr : le contrat d’apprentissage',
        description: 'La fiche pratique officielle sur le contrat d’apprentissage.',
        url: 'https://www.service-public.fr/particuliers/vosdroits/F2918',
      },
    ],
  },
];
