/**
 * What the establishments of the seeded directory recruit apprentices for, by NAF code: the
 * ROME 4.0 métier, offer titles as employers word them, the diplomas that prepare for it (ids of
 * referentials/data/diplomes.csv; each list is one offer's choice) and the missions described.
 */
export interface Trade {
  rome: string;
  titles: string[];
  diplomas: string[][];
  missions: string;
  /** Professionalisation contracts are for adults and titres professionnels; default apprenticeship only. */
  professionalisation?: boolean;
}

// One trade per block reads better than one property per line.
// prettier-ignore
export const TRADES_BY_NAF: Record<string, Trade[]> = {
  '96.02A': [
    { rome: 'D1202', titles: ['Apprenti(e) coiffeur(se)', 'Coiffeur / Coiffeuse en alternance'],
      diplomas: [['cap-coiffure'], ['bp-coiffure'], ['mc-coiffure-coupe-couleur']],
      missions: 'accueil des clients, shampoings et soins, coupes et couleurs sous la conduite du responsable, entretien du salon' },
  ],
  '96.02B': [
    { rome: 'D1208', titles: ['Apprenti(e) esthéticien(ne)', 'Esthéticienne en alternance'],
      diplomas: [['cap-esthetique'], ['bp-esthetique'], ['bts-mecp']],
      missions: 'soins du visage et du corps, épilations, beauté des mains et des pieds, conseil et vente des produits' },
  ],
  '10.71C': [
    { rome: 'D1102', titles: ['Apprenti(e) boulanger(ère)', 'Boulanger / Boulangère en alternance'],
      diplomas: [['cap-boulanger'], ['bp-boulanger'], ['mc-boulangerie-specialisee']],
      missions: 'pétrissage, façonnage et cuisson des pains et viennoiseries, respect des règles d’hygiène, participation à la fournée du matin' },
    { rome: 'D1104', titles: ['Apprenti(e) pâtissier(ère) en boulangerie'],
      diplomas: [['cap-patissier'], ['mc-patisserie-specialisee']],
      missions: 'préparation des pâtes, crèmes et entremets, montage et décoration des gâteaux, mise en vitrine' },
  ],
  '10.71D': [
    { rome: 'D1104', titles: ['Apprenti(e) pâtissier(ère)', 'Pâtissier / Pâtissière en alternance'],
      diplomas: [['cap-patissier'], ['mc-patisserie-specialisee'], ['bacpro-boulanger-patissier']],
      missions: 'fabrication des entremets, tartes et petits gâteaux, travail du chocolat et des glaces selon la saison' },
    { rome: 'D1115', titles: ['Apprenti(e) chocolatier(ère)'],
      diplomas: [['cap-chocolatier']],
      missions: 'tempérage, moulage et enrobage, confection des bonbons de chocolat et des confiseries' },
  ],
  '47.22Z': [
    { rome: 'D1101', titles: ['Apprenti(e) boucher(ère)', 'Boucher / Bouchère en alternance'],
      diplomas: [['cap-boucher'], ['bp-boucher'], ['bacpro-boucher-charcutier']],
      missions: 'désossage, parage et découpe des viandes, préparation des commandes, conseil et service au comptoir' },
    { rome: 'D1103', titles: ['Apprenti(e) charcutier(ère)-traiteur'],
      diplomas: [['cap-charcutier-traiteur'], ['mc-employe-traiteur']],
      missions: 'fabrication des charcuteries et des plats cuisinés, dressage des plateaux traiteur' },
  ],
  '10.13B': [
    { rome: 'D1103', titles: ['Apprenti(e) charcutier(ère)-traiteur'],
      diplomas: [['cap-charcutier-traiteur'], ['bp-charcutier-traiteur']],
      missions: 'fabrication des pâtés, saucisses et salaisons, préparation des plats traiteur' },
  ],
  '56.21Z': [
    { rome: 'D1103', titles: ['Employé(e) traiteur en alternance'],
      diplomas: [['mc-employe-traiteur'], ['cap-charcutier-traiteur']],
      missions: 'préparation des buffets et cocktails, dressage, participation aux réceptions' },
    { rome: 'G1602', titles: ['Commis de cuisine traiteur'],
      diplomas: [['cap-cuisine'], ['tp-commis-cuisine']],
      missions: 'mise en place, préparations froides et chaudes, conditionnement des commandes' },
  ],
  '56.10A': [
    { rome: 'G1602', titles: ['Commis de cuisine en alternance', 'Apprenti(e) cuisinier(ère)'],
      diplomas: [['cap-cuisine'], ['tp-commis-cuisine'], ['cap-cuisine', 'mc-cuisinier-desserts']],
      missions: 'mise en place, préparations préliminaires, cuisson et dressage sous la conduite du chef, entretien de la cuisine' },
    { rome: 'G1609', titles: ['Cuisinier / Cuisinière en alternance'],
      diplomas: [['bp-arts-cuisine'], ['bacpro-cuisine'], ['tp-cuisinier']], professionalisation: true,
      missions: 'tenue d’un poste en cuisine, élaboration des plats de la carte, gestion des stocks et des commandes' },
    { rome: 'G1803', titles: ['Apprenti(e) serveur(se)', 'Serveur / Serveuse en alternance'],
      diplomas: [['cap-cshcr'], ['bacpro-csr'], ['bp-arts-service']],
      missions: 'mise en place de la salle, accueil et conseil des clients, service à table, encaissement' },
  ],
  '56.10C': [
    { rome: 'G1603', titles: ['Équipier(ère) polyvalent(e) en alternance'],
      diplomas: [['cap-psr'], ['tp-agent-restauration']], professionalisation: true,
      missions: 'préparation des produits, service au comptoir, encaissement, entretien de la salle' },
  ],
  '55.10Z': [
    { rome: 'G1703', titles: ['Réceptionniste en alternance', 'Apprenti(e) réceptionniste'],
      diplomas: [['tp-receptionniste'], ['mc-accueil-reception'], ['bts-mhr']], professionalisation: true,
      missions: 'accueil des clients, réservations, arrivées et départs, facturation, renseignements touristiques' },
    { rome: 'G1803', titles: ['Serveur / Serveuse en alternance'],
      diplomas: [['cap-cshcr'], ['bacpro-csr']],
      missions: 'service du petit déjeuner et du restaurant, mise en place, accueil des clients' },
  ],
  '01.21Z': [
    { rome: 'A1418', titles: ['Ouvrier(ère) viticole en apprentissage', 'Apprenti(e) viticulteur(trice)'],
      diplomas: [['capa-metiers-agriculture'], ['bpa-vigne-vin'], ['bacpro-cgev'], ['btsa-viticulture-oenologie']],
      missions: 'taille, palissage et travaux en vert, suivi de la vigne au fil des saisons, participation aux vendanges' },
    { rome: 'A1422', titles: ['Caviste de chai en alternance'],
      diplomas: [['btsa-viticulture-oenologie'], ['bacpro-cgev']],
      missions: 'réception de la vendange, vinification et élevage des vins, soutirages, hygiène du chai' },
  ],
  '01.50Z': [
    { rome: 'A1419', titles: ['Ouvrier(ère) agricole polyvalent(e) en apprentissage'],
      diplomas: [['capa-metiers-agriculture'], ['bacpro-cgea'], ['bp-rea'], ['btsa-acse']],
      missions: 'soins aux animaux, travaux des cultures, conduite des tracteurs, entretien du matériel' },
  ],
  '02.20Z': [
    { rome: 'A1201', titles: ['Apprenti(e) bûcheron(ne)'],
      diplomas: [['capa-travaux-forestiers'], ['bpa-travaux-forestiers'], ['bacpro-foret']],
      missions: 'abattage et façonnage des bois, débroussaillage, respect des consignes de sécurité en forêt' },
  ],
  '81.30Z': [
    { rome: 'A1208', titles: ['Apprenti(e) jardinier(ère) paysagiste', 'Paysagiste en alternance'],
      diplomas: [['capa-jardinier-paysagiste'], ['bpa-amenagements-paysagers'], ['bacpro-amenagements-paysagers'], ['btsa-amenagements-paysagers']],
      missions: 'création et entretien de jardins, plantations, tontes et tailles, petite maçonnerie paysagère' },
  ],
  '43.21A': [
    { rome: 'F1602', titles: ['Apprenti(e) électricien(ne)', 'Électricien / Électricienne du bâtiment en alternance'],
      diplomas: [['cap-electricien'], ['bp-electricien'], ['bacpro-melec'], ['tp-electricien-batiment']],
      missions: 'pose des gaines et câbles, raccordement des tableaux, mise en service des installations en neuf et en rénovation' },
  ],
  '43.22A': [
    { rome: 'F1603', titles: ['Apprenti(e) plombier(ère)', 'Plombier / Plombière en alternance'],
      diplomas: [['cap-mis'], ['bp-mighcs'], ['tp-installateur-thermique-sanitaire']],
      missions: 'pose des réseaux d’eau, installation des sanitaires, dépannages chez les particuliers' },
    { rome: 'I1308', titles: ['Apprenti(e) chauffagiste'],
      diplomas: [['cap-mit'], ['bacpro-iccer'], ['bts-fed']],
      missions: 'installation et entretien de chaudières et de pompes à chaleur, réglages et mise en service' },
  ],
  '43.99C': [
    { rome: 'F1703', titles: ['Apprenti(e) maçon(ne)', 'Maçon / Maçonne en alternance'],
      diplomas: [['cap-macon'], ['bp-macon'], ['tp-macon'], ['bacpro-gros-oeuvre']],
      missions: 'implantation, coffrage et coulage du béton, montage des murs en blocs et en pierre, enduits' },
  ],
  '41.20A': [
    { rome: 'F1703', titles: ['Maçon / Maçonne en alternance'],
      diplomas: [['cap-macon'], ['bp-macon']],
      missions: 'construction de maisons individuelles : fondations, élévation des murs, dalles' },
    { rome: 'F1201', titles: ['Assistant(e) conducteur(trice) de travaux en alternance'],
      diplomas: [['bts-batiment'], ['tp-conducteur-travaux'], ['lp-btp-batiment']], professionalisation: true,
      missions: 'préparation et suivi des chantiers, commandes, planning des équipes et des sous-traitants' },
  ],
  '43.29A': [
    { rome: 'F1604', titles: ['Apprenti(e) plaquiste'],
      diplomas: [['cap-platrier'], ['tp-plaquiste']],
      missions: 'pose de cloisons et de doublages, isolation thermique et phonique, bandes et finitions' },
  ],
  '43.32A': [
    { rome: 'H2206', titles: ['Apprenti(e) menuisier(ère)', 'Menuisier / Menuisière en alternance'],
      diplomas: [['cap-menuisier-fabricant'], ['cap-menuisier-installateur'], ['bp-menuisier'], ['bacpro-tma']],
      missions: 'fabrication à l’atelier et pose sur chantier de fenêtres, portes, escaliers et agencements' },
  ],
  '43.34Z': [
    { rome: 'F1606', titles: ['Apprenti(e) peintre en bâtiment'],
      diplomas: [['cap-peintre'], ['bp-peintre'], ['tp-peintre-batiment']],
      missions: 'préparation des supports, peintures intérieures et extérieures, pose de revêtements muraux' },
  ],
  '43.91B': [
    { rome: 'F1619', titles: ['Apprenti(e) couvreur(se)', 'Couvreur-zingueur en alternance'],
      diplomas: [['cap-couvreur'], ['bp-couvreur'], ['mc-zinguerie']],
      missions: 'pose et réparation de toitures en tuiles et ardoises, zinguerie, gouttières' },
  ],
  '45.20A': [
    { rome: 'I1604', titles: ['Apprenti(e) mécanicien(ne) automobile', 'Mécanicien / Mécanicienne auto en alternance'],
      diplomas: [['cap-mv-vp'], ['bacpro-mv-a'], ['bts-mv-vp'], ['tp-mecanicien-automobile']],
      missions: 'entretien et révisions, diagnostic avec la valise, remplacement des pièces d’usure, préparation des véhicules' },
    { rome: 'I1606', titles: ['Apprenti(e) carrossier(ère)'],
      diplomas: [['cap-carrosserie'], ['cap-peinture-carrosserie'], ['tp-carrossier-reparateur']],
      missions: 'débosselage, remplacement d’éléments, préparation et mise en peinture' },
  ],
  '45.11Z': [
    { rome: 'I1604', titles: ['Mécanicien / Mécanicienne en concession, en alternance'],
      diplomas: [['bacpro-mv-a'], ['bts-mv-vp']],
      missions: 'entretien et réparation des véhicules de la marque, mises à jour électroniques, préparation des livraisons' },
  ],
  '47.71Z': [
    { rome: 'D1214', titles: ['Vendeur / Vendeuse en prêt-à-porter en alternance'],
      diplomas: [['cap-epc'], ['bacpro-mcv-a'], ['tp-conseiller-vente'], ['bts-mco']],
      missions: 'accueil et conseil de la clientèle, mise en rayon, vitrines, encaissement, inventaires' },
  ],
  '47.76Z': [
    { rome: 'D1209', titles: ['Apprenti(e) fleuriste'],
      diplomas: [['cap-fleuriste'], ['bp-fleuriste']],
      missions: 'réception et soin des végétaux, compositions et bouquets, conseil et vente, livraisons' },
  ],
  '47.11D': [
    { rome: 'D1507', titles: ['Employé(e) de rayon en alternance'],
      diplomas: [['cap-epc'], ['tp-employe-commercial'], ['bacpro-mcv-a']], professionalisation: true,
      missions: 'réception des marchandises, mise en rayon, suivi des dates, accueil et renseignement des clients' },
    { rome: 'D1502', titles: ['Adjoint(e) chef de rayon en alternance'],
      diplomas: [['bts-mco'], ['tp-manager-unite-marchande']],
      missions: 'gestion d’un rayon : commandes, implantation, animation commerciale, encadrement des employés' },
  ],
  '47.11F': [
    { rome: 'D1502', titles: ['Manager de rayon en alternance'],
      diplomas: [['bts-mco'], ['tp-manager-unite-marchande'], ['lp-commerce-distribution']], professionalisation: true,
      missions: 'pilotage d’un rayon, suivi du chiffre d’affaires, planning et animation de l’équipe' },
  ],
  '47.78A': [
    { rome: 'J1405', titles: ['Opticien / Opticienne en alternance'],
      diplomas: [['bts-opticien'], ['bacpro-optique']],
      missions: 'accueil et conseil des clients, prise de mesures, montage et ajustage des lunettes' },
  ],
  '88.91A': [
    { rome: 'K1307', titles: ['Accompagnant(e) éducatif(ve) petite enfance en apprentissage'],
      diplomas: [['cap-aepe']],
      missions: 'accueil des enfants et des familles, soins, repas et sieste, activités d’éveil' },
  ],
  '88.10A': [
    { rome: 'K1311', titles: ['Assistant(e) de vie aux familles en alternance', 'Aide à domicile en alternance'],
      diplomas: [['tp-assistant-vie-familles'], ['mc-aide-domicile'], ['bacpro-assp']], professionalisation: true,
      missions: 'aide aux gestes de la vie quotidienne, entretien du logement, courses et repas, accompagnement des personnes âgées' },
  ],
  '87.10A': [
    { rome: 'K1302', titles: ['Agent(e) de service médico-social en alternance'],
      diplomas: [['tp-agent-service-medico-social'], ['bacpro-assp']], professionalisation: true,
      missions: 'aide aux résidents, service des repas, hygiène des chambres et des espaces communs' },
    { rome: 'G1606', titles: ['Cuisinier / Cuisinière de collectivité en alternance'],
      diplomas: [['cap-psr'], ['cap-cuisine']],
      missions: 'préparation des repas des résidents, régimes et textures adaptés, respect des règles HACCP' },
  ],
  '69.20Z': [
    { rome: 'M1213', titles: ['Assistant(e) comptable en alternance', 'Collaborateur(trice) comptable en alternance'],
      diplomas: [['bts-cg'], ['tp-comptable-assistant'], ['tp-gestionnaire-comptable-fiscal'], ['lp-comptabilite-paie']], professionalisation: true,
      missions: 'saisie et révision des pièces, rapprochements bancaires, déclarations de TVA, préparation des bilans' },
    { rome: 'M1507', titles: ['Gestionnaire de paie en alternance'],
      diplomas: [['tp-gestionnaire-paie'], ['lp-comptabilite-paie']], professionalisation: true,
      missions: 'établissement des bulletins de paie, déclarations sociales, suivi des absences' },
  ],
  '64.19Z': [
    { rome: 'C1206', titles: ['Conseiller(ère) de clientèle bancaire en alternance', 'Chargé(e) d’accueil en agence bancaire'],
      diplomas: [['bts-banque'], ['lp-banque']], professionalisation: true,
      missions: 'accueil des clients, ouverture de comptes, conseil sur l’épargne et les crédits, suivi d’un portefeuille' },
  ],
  '66.22Z': [
    { rome: 'C1102', titles: ['Conseiller(ère) en assurances en alternance'],
      diplomas: [['bts-assurance'], ['lp-banque']], professionalisation: true,
      missions: 'accueil et conseil des assurés, devis et souscription des contrats, suivi des sinistres' },
  ],
  '65.12Z': [
    { rome: 'C1102', titles: ['Chargé(e) de clientèle assurance en alternance'],
      diplomas: [['bts-assurance']], professionalisation: true,
      missions: 'conseil des sociétaires, gestion des contrats, première déclaration des sinistres' },
  ],
  '68.31Z': [
    { rome: 'C1504', titles: ['Négociateur(trice) immobilier en alternance', 'Assistant(e) d’agence immobilière en alternance'],
      diplomas: [['bts-pi'], ['lp-immobilier']], professionalisation: true,
      missions: 'prospection des biens, estimations, visites, rédaction des annonces et suivi des compromis' },
  ],
  '62.01Z': [
    { rome: 'M1855', titles: ['Développeur(se) web en alternance', 'Développeur / Développeuse full stack en alternance'],
      diplomas: [['tp-developpeur-web'], ['bts-sio-slam'], ['but-informatique'], ['tp-concepteur-developpeur'], ['master-informatique'], ['ing-informatique']], professionalisation: true,
      missions: 'développement d’applications web, tests, revues de code, mise en production avec l’équipe' },
  ],
  '62.02A': [
    { rome: 'M1816', titles: ['Technicien(ne) systèmes et réseaux en alternance'],
      diplomas: [['tp-tssr'], ['bts-sio-sisr'], ['but-rt']], professionalisation: true,
      missions: 'installation des postes et serveurs, supervision du réseau, assistance aux utilisateurs' },
  ],
  '73.11Z': [
    { rome: 'E1112', titles: ['Chargé(e) de communication en alternance'],
      diplomas: [['bts-communication'], ['lp-communication'], ['but-info-com']], professionalisation: true,
      missions: 'réseaux sociaux, rédaction de contenus, suivi des campagnes et des relations presse' },
    { rome: 'D1438', titles: ['Assistant(e) e-commerce en alternance'],
      diplomas: [['lp-ecommerce'], ['bts-ndrc']], professionalisation: true,
      missions: 'mise en ligne des produits, suivi des commandes, analyse des ventes en ligne' },
  ],
  '52.10B': [
    { rome: 'N1103', titles: ['Préparateur / Préparatrice de commandes en alternance'],
      diplomas: [['tp-preparateur-commandes'], ['cap-logistique']], professionalisation: true,
      missions: 'préparation des commandes au scanner, emballage, chargement, inventaires' },
    { rome: 'N1110', titles: ['Magasinier / Magasinière en alternance'],
      diplomas: [['tp-agent-magasinier'], ['bacpro-logistique'], ['tp-technicien-logistique']],
      missions: 'réception et contrôle des marchandises, stockage, gestion informatique des stocks' },
  ],
  '49.41A': [
    { rome: 'N4101', titles: ['Conducteur(trice) poids lourd en alternance'],
      diplomas: [['tp-ctrm-porteur'], ['tp-ctrm-tous-vehicules'], ['bacpro-ctrm']], professionalisation: true,
      missions: 'livraisons régionales, chargement et arrimage, documents de transport, entretien courant du véhicule' },
  ],
  '85.59A': [
    { rome: 'M1607', titles: ['Secrétaire assistant(e) en alternance'],
      diplomas: [['tp-secretaire-assistant'], ['bts-sam']], professionalisation: true,
      missions: 'accueil physique et téléphonique, suivi administratif des stagiaires, tenue des plannings' },
    { rome: 'M1501', titles: ['Assistant(e) ressources humaines en alternance'],
      diplomas: [['tp-assistant-rh'], ['lp-grh']], professionalisation: true,
      missions: 'recrutements, dossiers du personnel, plan de développement des compétences' },
  ],
};
