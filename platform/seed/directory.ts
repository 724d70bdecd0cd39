/**
 * A seeded company directory, standing in for INSEE's SIRENE for the establishments of Nouvelle-Aquitaine.
 *
 * The company, trade and street names below are fictional (any resemblance to a real business is
 * accidental). The NAF codes and the communes come from the official referentials loaded by
 * `../referentials/load`, and every SIREN/SIRET is Luhn-valid, as INSEE's are.
 *
 * Text follows SIRENE's conventions: upper case, no accents.
 */
import { communesOfNouvelleAquitaine, type Commune } from '../referentials/load';
import { LA_POSTE_SIREN, luhnValid } from '../../shared/validation/siret';
import type { HeadcountBand } from '../../shared/domain/company';
import { seededRandom } from '../../shared/random';
import { fold } from '../../shared/text/fold';

export interface DirectoryEstablishment {
  siret: string;
  siren: string;
  /** Raison sociale, upper case as in SIRENE. */
  legalName: string;
  /** Enseigne or nom commercial. */
  tradeName: string | null;
  nafCode: string;
  headcountBand: HeadcountBand | null;
  street: string;
  postalCode: string;
  communeCode: string;
  communeName: string;
  /** false for a closed establishment. */
  active: boolean;
}

// ---------------------------------------------------------------------------------------------
// Fixed establishments: always present, whatever the seed.
// ---------------------------------------------------------------------------------------------

export const AGRICOLE_THES_SIRET = '92193444400016';
/** The demo training centre that the demo accounts belong to. */
export const DEMO_CFA_SIRET = '77564812400029';

export const FIXED_ESTABLISHMENTS: DirectoryEstablishment[] = [
  {
    siret: AGRICOLE_THES_SIRET,
    siren: '921934444',
    legalName: 'SAS AGRICOLE THES DE BRETAGNE',
    tradeName: null,
    nafCode: '01.29Z',
    headcountBand: '02',
    street: 'LIEU-DIT ELIZALDEA',
    postalCode: '64310',
    communeCode: '64495',
    communeName: 'Saint-Pée-sur-Nivelle',
    active: true,
  },
  {
    siret: DEMO_CFA_SIRET,
    siren: '775648124',
    legalName: 'CFA DES METIERS DE LA GIRONDE',
    tradeName: 'CFA GIRONDE METIERS',
    nafCode: '85.32Z',
    headcountBand: '21',
    street: '87 COURS DE LA MARNE',
    postalCode: '33000',
    communeCode: '33063',
    communeName: 'Bordeaux',
    active: true,
  },
  {
    siret: '43129806600017',
    siren: '431298066',
    legalName: 'ASSOCIATION FORMATION ET METIERS DU LIMOUSIN',
    tradeName: 'AFML FORMATION',
    nafCode: '85.59A',
    headcountBand: '11',
    street: '14 RUE DE LA REPUBLIQUE',
    postalCode: '87000',
    communeCode: '87085',
    communeName: 'Limoges',
    active: true,
  },
  {
    siret: '50387214500019',
    siren: '503872145',
    legalName: 'MISSION LOCALE DES GAVES ET DU BEARN',
    tradeName: null,
    nafCode: '88.99B',
    headcountBand: '11',
    street: '6 AVENUE JEAN MERMOZ',
    postalCode: '64000',
    communeCode: '64445',
    communeName: 'Pau',
    active: true,
  },
  {
    siret: '78195430000039',
    siren: '781954300',
    legalName: "CFA INTERPROFESSIONNEL DE L'AUNIS",
    tradeName: null,
    nafCode: '85.32Z',
    headcountBand: '12',
    street: '22 RUE DES ARTISANS',
    postalCode: '17000',
    communeCode: '17300',
    communeName: 'La Rochelle',
    active: true,
  },
  {
    siret: '19860729300018',
    siren: '198607293',
    legalName: 'GRETA DU HAUT-POITOU',
    tradeName: null,
    nafCode: '85.59A',
    headcountBand: '11',
    street: '3 BOULEVARD DES ECOLES',
    postalCode: '86000',
    communeCode: '86194',
    communeName: 'Poitiers',
    active: true,
  },
  {
    siret: '88412657400018',
    siren: '884126574',
    legalName: 'SAS LANDES ALTERNANCE FORMATION',
    tradeName: 'LANDES ALTERNANCE',
    nafCode: '85.59A',
    headcountBand: '03',
    street: '41 AVENUE DU MARECHAL FOCH',
    postalCode: '40000',
    communeCode: '40192',
    communeName: 'Mont-de-Marsan',
    active: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Name tables. Placeholders in the patterns of ACTIVITIES:
//   {NOM} {NOM2} surnames · {PRENOM} first name · {VILLE} the commune · {DE_VILLE} "DE/D'/DU/DES" + commune
//   {LIEUDIT} {DE_LIEUDIT} a rural place, bare or with "DE" · {PAYS} a pays of the commune's departement, with its article ("DU MEDOC")
//   {SOC} the first letters of the commune (for "SAS {SOC}DIS") · {MARQUE} an invented brand word
// ---------------------------------------------------------------------------------------------

/** A comma-separated word list, as a table that stays readable (and that prettier leaves alone). */
export function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

const SURNAMES = list(`
  LAFARGUE, DUBOS, LABORDE, DUCASSE, LACOSTE, DARRIGRAND, ETCHEVERRY, ETCHEGARAY, BORDENAVE, LARROQUE,
  DUPOUY, LASSERRE, CAZENAVE, LABAT, SALLES, DARRIEUTORT, LALANNE, DUFAU, DESCLAUX, CASTAGNET, POUYANNE,
  BERGES, BARRERE, LAPORTE, DUPRAT, LAMARQUE, CASSAGNE, FOURCADE, LAGARDE, MAUREL, BOUYSSOU, CHASTANG,
  MAZAUD, FAURE, CHABROL, DELAGE, PEYRAT, LACHAUD, VERGNE, RAYNAUD, MAZEAU, BOISSEAU, GIRAUD, BONNIN, GUERIN,
  MOREAU, BRUNET, CHAUVET, PINEAU, AUDOUIN, MOUSSEAU, BERNARD, DUBOURG, LATASTE, DUMAS, ARRIBAT, HARAMBURU,
  ELISSALDE, IRIGOYEN, SOUBIRAN, TASTET, LABEYRIE, DARTIGUES, BEDIN, COUSTAU, ROUMEGOUS, NADAUD, TEXIER
`);

const FIRST_NAMES = list(`
  JEAN, PIERRE, MARIE, ANNE, NICOLAS, JULIEN, SOPHIE, CELINE, THOMAS, LAURENT, SANDRINE, MATHIEU, AURELIE,
  ELODIE, MAXIME, CAMILLE, BENOIT, PASCALE, XABI, MAITE, GAETAN, LEA, MANON, HUGO, ISABELLE, FABRICE,
  NATHALIE, ROMAIN, CHLOE, BASTIEN
`);

/** Traditional pays and areas of each departement, with their article. */
const PAYS: Record<string, string[]> = {
  '16': ['DE CHARENTE', "DE L'ANGOUMOIS", 'DU COGNACAIS', 'DE LA CHARENTE LIMOUSINE'],
  '17': ['DE SAINTONGE', "DE L'AUNIS", "D'OLERON", 'DES CHARENTES', 'DE LA COTE DE BEAUTE'],
  '19': ['DE CORREZE', 'DU PAYS DE BRIVE', 'DES MONEDIERES', 'DE HAUTE-CORREZE'],
  '23': ['DE LA CREUSE', 'DE LA MARCHE', 'DU PAYS DE GUERET', 'DE COMBRAILLE'],
  '24': ['DU PERIGORD', 'DU PERIGORD NOIR', 'DU BERGERACOIS', 'DU PERIGORD VERT'],
  '33': ['DU MEDOC', "DE L'ENTRE-DEUX-MERS", 'DU BASSIN', 'DU LIBOURNAIS', 'DU BLAYAIS', 'DES GRAVES'],
  '40': ['DES LANDES', 'DE CHALOSSE', 'DU MARSAN', "DE L'ADOUR", 'DU PAYS DE SEIGNANX'],
  '47': ["DE L'AGENAIS", 'DU MARMANDAIS', 'DE LA VALLEE DU LOT', "DE L'ALBRET"],
  '64': ['DU BEARN', 'DU PAYS BASQUE', 'DE SOULE', "D'OSSAU", 'DE LA COTE BASQUE'],
  '79': ['DU PAYS DE GATINE', 'DU NIORTAIS', 'DU THOUARSAIS', 'DU MARAIS POITEVIN'],
  '86': ['DU HAUT-POITOU', 'DU CHATELLERAUDAIS', 'DU MONTMORILLONNAIS', 'DU LOUDUNAIS'],
  '87': ['DU LIMOUSIN', 'DES MONTS DE BLOND', 'DU HAUT-LIMOUSIN', 'DE LA VIENNE LIMOUSINE'],
};

const LIEUX_DITS = list(`
  LA GRAVE, BEL AIR, BELLEVUE, LAMOTHE, CANTELOUP, PEYREBLANQUE, LABARDE, LE BOURDIEU, LA GRANGE, LES BORDES,
  LARRIEU, BEAUSOLEIL, LE BOSC, LAGARDE, MENAUT, LA TUILERIE, LE MOULIN, MONPLAISIR, LA COMBE, LES FONTAINES,
  PEYRELONGUE, LA CROIX BLANCHE, LE TREUIL, LA MAISON NEUVE, LES GRANGES, LA RIVIERE, LE PUY, LARTIGUE,
  HOURCADE, LA BERGERIE
`);

const BRAND_WORDS = list(`
  OCEANEO, CODALIS, PIXELIA, LOGIFLOW, ADOURSOFT, DATAVIGNE, NUMERIA, ATLANTIC DIGITAL, SOFTLAND, KALIS,
  NOVAGIR, AQUITEK, VEGA, ALTEO, LINEA, AXONE
`);

const VILLAGE_STREET_TYPES = ['RUE', 'RUE', 'PLACE', 'CHEMIN', 'IMPASSE'];
const TOWN_STREET_TYPES = ['RUE', 'RUE', 'RUE', 'RUE', 'AVENUE', 'AVENUE', 'PLACE', 'ALLEE', 'IMPASSE'];
const CITY_STREET_TYPES = [...TOWN_STREET_TYPES, 'BOULEVARD', 'COURS', 'QUAI'];
const TOWN_STREET_NAMES = list(`
  DES VIGNES, DE LA REPUBLIQUE, JEAN JAURES, DU GENERAL DE GAULLE, VICTOR HUGO, DE L'EGLISE, DES PINS,
  DU MOULIN, PASTEUR, GAMBETTA, DE LA GARE, DES ECOLES, DU 8 MAI 1945, DE VERDUN, CARNOT, DES ACACIAS,
  DU CHATEAU, DE LA LIBERATION, DU STADE, DES TILLEULS, DU MARECHAL FOCH, JULES FERRY, DES CHENES, DU PORT,
  FRANCOIS MITTERRAND, DE LA FONTAINE, DU PRIEURE, DES HALLES, DU MARCHE, ARISTIDE BRIAND, DE LA PAIX,
  DES LAURIERS, DU 11 NOVEMBRE, SAINT-JACQUES, DES REMPARTS, DU COMMERCE
`);
const ZONE_TYPES = ['ZA', 'ZA', 'ZI', 'ZAC', "PARC D'ACTIVITES"];
const ZONE_NAMES = list(`
  DU PEYRAT, DE LA PRADE, LES PINS, DU MOULIN, DE BEL AIR, DES GRAVES, DU TREUIL, DE LA GARE, LES LANDES,
  DU CHAMP DE FOIRE, DE LA CROIX BLANCHE, DE L'AEROPORT, DES BRUYERES, DU PORT
`);
const ZONE_STREET_NAMES = list(`
  DES ARTISANS, DE L'INDUSTRIE, DU COMMERCE, DES ENTREPRENEURS, GUSTAVE EIFFEL, DENIS PAPIN, AMPERE,
  THOMAS EDISON, DES FRERES LUMIERE, DE LA FORGE, DES METIERS
`);

// ---------------------------------------------------------------------------------------------
// Activity templates: the trades that hire apprentices, with their usual legal names and sizes.
// ---------------------------------------------------------------------------------------------

/** town: street address, commune drawn by population; zone: business park; rural: lieu-dit, any commune. */
type Setting = 'town' | 'zone' | 'rural';

interface ActivityTemplate {
  naf: string;
  /** Relative frequency. */
  weight: number;
  legalNames: string[];
  tradeNames?: string[];
  /** Probability that the establishment has a trade name (0.5 when tradeNames is given). */
  tradeNameRate?: number;
  /** Drawn uniformly: repeat a band to make it likelier. */
  bands: HeadcountBand[];
  setting?: Setting;
  /** Only in these departements. */
  departements?: string[];
  /** Only in communes of at least this population (big shops, clinics). */
  minPopulation?: number;
  /** Only on the Atlantic coast (roughly: west of 1° W). */
  coastal?: boolean;
  /** Networks (banks, carriers...): establishments with the same legal name share a SIREN. */
  multiSite?: boolean;
}

const VINEYARDS = ['33', '33', '33', '24', '47', '16', '17', '64', '40'];
const LIVESTOCK = ['87', '19', '23', '79', '86', '24', '16'];
const FORESTS = ['40', '33', '47', '19', '23', '87', '24'];

// One activity per block reads better than one property per line.
// prettier-ignore
const ACTIVITIES: ActivityTemplate[] = [
  // Food trades
  {
    naf: '10.71C', weight: 7, bands: ['01', '02', '02', '03', '03', '11'],
    legalNames: ['SARL BOULANGERIE {NOM}', 'SAS AU FOURNIL {DE_VILLE}', 'EURL {NOM} PAINS ET GOURMANDISES', 'SARL BOULANGERIE PATISSERIE {NOM}'],
    tradeNames: ['AU FOURNIL DE {PRENOM}', 'LA FOURNEE DOREE', 'AUX DELICES {DE_VILLE}', 'LE PETRIN {PAYS}', 'LA MIE DU BOURG'],
  },
  {
    naf: '10.71D', weight: 2, bands: ['01', '02', '03'],
    legalNames: ['SARL PATISSERIE {NOM}', 'SAS MAISON {NOM}'],
    tradeNames: ['LES DELICES DE {PRENOM}', 'PATISSERIE DU CENTRE', 'LE GATEAU {PAYS}'],
  },
  {
    naf: '47.22Z', weight: 3, bands: ['01', '02', '02', '03'],
    legalNames: ['SARL BOUCHERIE {NOM}', 'SARL BOUCHERIE CHARCUTERIE {NOM} ET FILS', 'EURL {NOM} VIANDES'],
    tradeNames: ['BOUCHERIE DU MARCHE', 'LA BOUCHERIE {PAYS}', 'AU BON BOEUF', 'BOUCHERIE DES HALLES'],
  },
  {
    naf: '10.13B', weight: 1, bands: ['01', '02', '03'],
    legalNames: ['SARL CHARCUTERIE {NOM}', 'SAS SALAISONS {PAYS}'],
    tradeNames: ['LA MAISON DU JAMBON', 'CHARCUTERIE DU MARCHE'],
  },
  {
    naf: '10.13A', weight: 1, bands: ['11', '12', '21'], setting: 'zone', departements: ['40', '24', '47', '64'],
    legalNames: ['SAS FOIE GRAS {PAYS}', 'SAS CONSERVERIE {NOM}', 'SAS {NOM} TRADITION'],
  },
  {
    naf: '10.51C', weight: 1, bands: ['03', '11', '12', '21'], setting: 'rural', departements: ['79', '86', '17', '64'],
    legalNames: ['SCA LAITERIE COOPERATIVE {DE_VILLE}', 'SAS FROMAGERIE {NOM}', 'SAS FROMAGERIE {PAYS}'],
  },
  {
    naf: '56.21Z', weight: 1, bands: ['02', '03', '11'],
    legalNames: ['SARL {NOM} TRAITEUR', 'SAS TRAITEUR {PAYS}'],
    tradeNames: ['{NOM} RECEPTIONS', 'LES SAVEURS {PAYS}'],
  },
  // Hotels, restaurants, tourism
  {
    naf: '56.10A', weight: 8, bands: ['01', '02', '03', '03', '11'],
    legalNames: ['SARL {NOM} ET ASSOCIES', 'SAS LA TABLE {DE_VILLE}', "SARL L'AUBERGE {PAYS}", 'SAS LE COMPTOIR {NOM}', 'SARL {NOM} ET {NOM2}'],
    tradeNames: ['LA TABLE DE {PRENOM}', 'LE BISTROT DU MARCHE', 'AUBERGE DU PONT', "L'ESTANQUET", 'CHEZ {PRENOM}', 'LE RELAIS {PAYS}', 'LA CANTINE {DE_VILLE}'],
    tradeNameRate: 0.8,
  },
  {
    naf: '56.10C', weight: 2, bands: ['01', '02', '03', '11'],
    legalNames: ['SAS {NOM} FOOD', 'SARL {MARQUE} RESTAURATION'],
    tradeNames: ['PIZZA {VILLE}', 'LE KIOSQUE', 'BURGER DU PORT', 'LE SNACK DES HALLES'],
    tradeNameRate: 0.9,
  },
  {
    naf: '56.30Z', weight: 2, bands: ['00', '01', '01', '02'],
    legalNames: ['SARL LE CAFE DES SPORTS', 'SNC {NOM} {NOM2}', 'EURL {NOM} BAR'],
    tradeNames: ['CAFE DU COMMERCE', 'BAR DES HALLES', 'LE BALTO', 'CAFE DE LA PLACE'],
    tradeNameRate: 0.8,
  },
  {
    naf: '55.10Z', weight: 3, bands: ['02', '03', '11', '11', '12'],
    legalNames: ['SAS HOTEL {DE_VILLE}', 'SARL HOTELLERIE {NOM}', 'SAS GRAND HOTEL {PAYS}'],
    tradeNames: ['HOTEL DE LA GARE', 'HOTEL DU LAC', 'LE RELAIS {PAYS}', 'HOTEL LES PINS', 'HOTEL DU CENTRE'],
    tradeNameRate: 0.8,
  },
  {
    naf: '55.30Z', weight: 1, bands: ['01', '02', '03', '11'], setting: 'rural', departements: ['17', '33', '40', '64', '24'],
    legalNames: ['SAS CAMPING {NOM}', 'SARL LOISIRS {PAYS}'],
    tradeNames: ['CAMPING LES DUNES', 'CAMPING DU LAC', 'CAMPING LES CHENES', 'CAMPING {DE_LIEUDIT}'],
    tradeNameRate: 0.9,
  },
  // Personal services
  {
    naf: '96.02A', weight: 6, bands: ['00', '01', '01', '02', '03'],
    legalNames: ['SARL {NOM} COIFFURE', "EURL L'ATELIER DE {PRENOM}", 'SARL CREA COIFF {VILLE}', '{NOM} {PRENOM}'],
    tradeNames: ['{PRENOM} COIFFURE', "L'INSTANT COIFFURE", 'STUDIO {PRENOM}', "CISEAUX D'ARGENT", 'COIFF {VILLE}'],
    tradeNameRate: 0.8,
  },
  {
    naf: '96.02B', weight: 3, bands: ['00', '01', '01', '02'],
    legalNames: ['EURL INSTITUT {PRENOM}', 'SARL BEAUTE {PAYS}', '{NOM} {PRENOM}'],
    tradeNames: ["L'ESCALE BEAUTE", 'INSTITUT {PRENOM}', 'BULLE DE DOUCEUR', 'LES SECRETS DE BEAUTE'],
    tradeNameRate: 0.8,
  },
  {
    naf: '93.13Z', weight: 1, bands: ['01', '02'],
    legalNames: ['SARL {NOM} FITNESS', 'SAS FORME {PAYS}'],
    tradeNames: ['FORME ET BIEN-ETRE', 'LE CLUB {VILLE}'],
  },
  {
    naf: '85.53Z', weight: 1, bands: ['01', '02', '03'],
    legalNames: ['SARL AUTO-ECOLE {NOM}', 'EURL {NOM} FORMATION CONDUITE'],
    tradeNames: ['AUTO-ECOLE DU CENTRE', '{VILLE} CONDUITE', 'AUTO-ECOLE DE LA GARE'],
    tradeNameRate: 0.7,
  },
  // Motor trade
  {
    naf: '45.20A', weight: 5, bands: ['01', '02', '03', '03', '11'], setting: 'zone',
    legalNames: ['SARL GARAGE {NOM}', 'SAS {NOM} AUTOMOBILES', 'EURL {NOM} AUTO SERVICES', 'SARL CARROSSERIE {NOM}'],
    tradeNames: ['GARAGE DU CENTRE', 'GARAGE DE LA GARE', '{VILLE} AUTOMOBILES', 'GARAGE {NOM}'],
  },
  {
    naf: '45.11Z', weight: 1, bands: ['03', '11', '12'], setting: 'zone',
    legalNames: ['SAS {NOM} AUTOMOBILES {PAYS}', 'SAS {SOC}AUTO'],
    tradeNames: ['{VILLE} AUTOMOBILES'],
  },
  // Building trades
  {
    naf: '43.99C', weight: 4, bands: ['01', '02', '03', '03', '11'],
    legalNames: ['SARL {NOM} MACONNERIE', 'SAS {NOM} ET FILS', 'EURL {NOM} BATIMENT', 'SARL BATI {PAYS}'],
  },
  {
    naf: '43.22A', weight: 4, bands: ['00', '01', '02', '02', '03'],
    legalNames: ['SARL {NOM} PLOMBERIE CHAUFFAGE', 'EURL {NOM} SANITAIRE', 'SAS {NOM} ENERGIES', '{NOM} {PRENOM}'],
  },
  {
    naf: '43.21A', weight: 4, bands: ['00', '01', '02', '03', '11'],
    legalNames: ['SARL {NOM} ELECTRICITE', 'SAS ELEC {NOM}', 'EURL {NOM} ELEC SERVICES', 'SAS {NOM} ET {NOM2} ELECTRICITE'],
  },
  {
    naf: '43.32A', weight: 3, bands: ['01', '02', '03', '11'],
    legalNames: ['SARL MENUISERIE {NOM}', 'SAS {NOM} BOIS ET PVC', 'SARL ATELIER BOIS {PAYS}'],
  },
  {
    naf: '43.34Z', weight: 2, bands: ['00', '01', '02', '03'],
    legalNames: ['SARL {NOM} PEINTURE', 'EURL {NOM} DECORATION', '{NOM} {PRENOM}'],
  },
  {
    naf: '43.91B', weight: 2, bands: ['01', '02', '03'],
    legalNames: ['SARL {NOM} COUVERTURE ZINGUERIE', 'EURL {NOM} TOITURES'],
  },
  {
    naf: '43.29A', weight: 1, bands: ['02', '03', '11'],
    legalNames: ['SAS ISOLATION {PAYS}', 'SARL {NOM} ISOLATION'],
  },
  {
    naf: '41.20A', weight: 2, bands: ['03', '11', '12'], setting: 'zone',
    legalNames: ['SAS MAISONS {NOM}', 'SARL LES CONSTRUCTEURS {PAYS}', 'SAS DEMEURES {PAYS}'],
  },
  {
    naf: '42.11Z', weight: 1, bands: ['11', '12', '21'], setting: 'zone',
    legalNames: ['SAS {NOM} TRAVAUX PUBLICS', 'SAS ROUTES ET TERRASSEMENTS {PAYS}'],
  },
  {
    naf: '43.12A', weight: 1, bands: ['01', '02', '03', '11'],
    legalNames: ['SARL {NOM} TERRASSEMENT', 'EURL {NOM} TP'],
  },
  {
    naf: '81.30Z', weight: 3, bands: ['00', '01', '02', '03'],
    legalNames: ['SARL {NOM} PAYSAGES', 'EURL JARDINS {PAYS}', 'SAS LES JARDINS DE {PRENOM}', '{NOM} {PRENOM}'],
    tradeNames: ['{NOM} PAYSAGES', 'ESPACES VERTS {PAYS}'],
    tradeNameRate: 0.3,
  },
  // Shops
  {
    naf: '47.73Z', weight: 3, bands: ['02', '03', '03', '11'], minPopulation: 800,
    legalNames: ['SELARL PHARMACIE {NOM}', 'SELAS PHARMACIE {DE_VILLE}', 'SNC PHARMACIE {NOM} {NOM2}'],
    tradeNames: ['PHARMACIE DU CENTRE', 'PHARMACIE DE LA GARE', 'GRANDE PHARMACIE {DE_VILLE}', 'PHARMACIE DES HALLES'],
    tradeNameRate: 0.6,
  },
  {
    naf: '47.11D', weight: 2, bands: ['11', '12', '12', '21'], minPopulation: 2500,
    legalNames: ['SAS {SOC}DIS', 'SAS {NOM} DISTRIBUTION'],
    tradeNames: ['LE MARCHE {PAYS}', 'SUPER {VILLE}'],
    tradeNameRate: 0.9,
  },
  {
    naf: '47.11F', weight: 1, bands: ['22', '31', '32'], setting: 'zone', minPopulation: 10000,
    legalNames: ['SAS {SOC}DIS', 'SAS DISTRIBUTION {NOM}'],
    tradeNames: ['HYPER {VILLE}', 'LE GRAND MARCHE {PAYS}'],
    tradeNameRate: 0.9,
  },
  {
    naf: '47.11B', weight: 1, bands: ['00', '01', '02'], setting: 'rural',
    legalNames: ['EURL EPICERIE {NOM}', '{NOM} {PRENOM}'],
    tradeNames: ["L'EPICERIE DU VILLAGE", 'EPICERIE {DE_VILLE}', 'LE PANIER {PAYS}'],
    tradeNameRate: 0.8,
  },
  {
    naf: '47.76Z', weight: 2, bands: ['00', '01', '01', '02'],
    legalNames: ['EURL {NOM} FLEURS', 'SARL AU JARDIN DE {PRENOM}', '{NOM} {PRENOM}'],
    tradeNames: ["L'ATELIER FLORAL", '{PRENOM} FLEURS', 'LES FLEURS DU MARCHE', 'ROSE ET CAPUCINE'],
    tradeNameRate: 0.8,
  },
  {
    naf: '47.78A', weight: 2, bands: ['01', '02', '03'], minPopulation: 1500,
    legalNames: ['SARL OPTIQUE {NOM}', 'SAS {NOM} OPTICIENS'],
    tradeNames: ['OPTIQUE DU CENTRE', 'LES OPTICIENS {DE_VILLE}', 'OPTIQUE {PAYS}'],
  },
  {
    naf: '47.71Z', weight: 2, bands: ['00', '01', '02'],
    legalNames: ['SARL {NOM} PRET-A-PORTER', 'EURL BOUTIQUE {PRENOM}'],
    tradeNames: ['BOUTIQUE {PRENOM}', "L'ATELIER DE MODE", 'LE DRESSING {DE_VILLE}'],
    tradeNameRate: 0.8,
  },
  {
    naf: '47.52B', weight: 1, bands: ['11', '12'], setting: 'zone', minPopulation: 5000,
    legalNames: ['SAS {NOM} BRICOLAGE', 'SAS {SOC}BRICO'],
    tradeNames: ['BRICO {PAYS}', 'LE COMPTOIR DU BRICOLAGE'],
  },
  // Health and care
  {
    naf: '88.91A', weight: 2, bands: ['02', '03', '03', '11'], minPopulation: 1000,
    legalNames: ['ASSOCIATION CRECHE PARENTALE LES LUTINS {DE_VILLE}', 'SAS MICRO-CRECHE {NOM}', 'ASSOCIATION LES PITCHOUNS {DE_VILLE}'],
    tradeNames: ['MICRO-CRECHE LES CALINOUS', 'CRECHE LES PETITS PAS', 'LES LOUSTICS'],
  },
  {
    naf: '87.10A', weight: 2, bands: ['12', '12', '21'], minPopulation: 1000,
    legalNames: ['SAS EHPAD LES JARDINS {DE_VILLE}', 'ASSOCIATION MAISON DE RETRAITE {DE_VILLE}', 'SARL RESIDENCE {NOM}'],
    tradeNames: ['RESIDENCE LES TILLEULS', 'EHPAD LE CLOS DES VIGNES', "LES JARDINS D'AUTOMNE", 'RESIDENCE {LIEUDIT}'],
    tradeNameRate: 0.7,
  },
  {
    naf: '88.10A', weight: 2, bands: ['03', '11', '12'],
    legalNames: ["ASSOCIATION D'AIDE A DOMICILE {DE_VILLE}", 'SAS {NOM} SERVICES A LA PERSONNE'],
  },
  {
    naf: '86.23Z', weight: 1, bands: ['01', '02', '03'],
    legalNames: ['SELARL DU DOCTEUR {NOM}', 'SCM {NOM} {NOM2}'],
    tradeNames: ['CABINET DENTAIRE DU CENTRE'],
    tradeNameRate: 0.3,
  },
  {
    naf: '75.00Z', weight: 1, bands: ['02', '03', '11'],
    legalNames: ['SELARL VETERINAIRE {NOM}', 'SELARL VETERINAIRES {PAYS}'],
    tradeNames: ['CLINIQUE VETERINAIRE {PAYS}', 'CLINIQUE VETERINAIRE {NOM}'],
  },
  {
    naf: '86.10Z', weight: 1, bands: ['21', '22', '31'], minPopulation: 15000,
    legalNames: ['SAS CLINIQUE {PAYS}', 'SAS POLYCLINIQUE {DE_VILLE}'],
  },
  // Farming, forestry, sea
  {
    naf: '01.21Z', weight: 5, bands: ['00', '01', '01', '02', '03', '11'], setting: 'rural', departements: VINEYARDS,
    legalNames: ['SCEA CHATEAU {LIEUDIT}', 'EARL VIGNOBLES {NOM}', 'GFA DOMAINE {NOM}', 'SCEA DOMAINE {DE_LIEUDIT}', 'EARL {NOM} ET FILS'],
    tradeNames: ['CHATEAU {LIEUDIT}', 'DOMAINE {DE_LIEUDIT}', 'CLOS {NOM}'],
  },
  {
    naf: '11.01Z', weight: 1, bands: ['02', '03', '11', '12'], setting: 'rural', departements: ['16', '17'],
    legalNames: ['SAS DISTILLERIE {NOM}', 'SARL COGNAC {NOM} ET FILS'],
  },
  {
    naf: '01.50Z', weight: 3, bands: ['NN', '00', '00', '01', '02'], setting: 'rural',
    legalNames: ['EARL {NOM}', 'GAEC {NOM} {NOM2}', 'GAEC {DE_LIEUDIT}', 'SCEA {NOM}', '{NOM} {PRENOM}'],
  },
  {
    naf: '01.42Z', weight: 2, bands: ['NN', '00', '00', '01'], setting: 'rural', departements: LIVESTOCK,
    legalNames: ['GAEC {DE_LIEUDIT}', 'EARL {NOM}', 'EARL LIMOUSINES {NOM}'],
  },
  {
    naf: '01.41Z', weight: 1, bands: ['00', '01', '02'], setting: 'rural', departements: ['79', '86', '64', '19', '17'],
    legalNames: ['GAEC {NOM} {NOM2}', 'EARL LAITIERE {LIEUDIT}'],
  },
  {
    naf: '01.47Z', weight: 1, bands: ['00', '01', '02'], setting: 'rural', departements: ['40', '24', '47', '64'],
    legalNames: ['EARL {NOM}', 'EARL VOLAILLES {PAYS}'],
  },
  {
    naf: '03.21Z', weight: 1, bands: ['00', '01', '02', '03'], setting: 'rural', departements: ['17', '33'], coastal: true,
    legalNames: ['EARL OSTREICULTURE {NOM}', 'SCEA HUITRES {NOM}', '{NOM} {PRENOM}'],
    tradeNames: ['LA CABANE DE {PRENOM}', 'LES HUITRES {PAYS}'],
  },
  {
    naf: '02.20Z', weight: 1, bands: ['01', '02', '03'], setting: 'rural', departements: FORESTS,
    legalNames: ['SARL {NOM} EXPLOITATION FORESTIERE', 'SAS BOIS {PAYS}'],
  },
  {
    naf: '16.10A', weight: 1, bands: ['03', '11', '12'], setting: 'zone', departements: FORESTS,
    legalNames: ['SAS SCIERIE {NOM}', 'SAS SCIERIES {PAYS}'],
  },
  // Industry
  {
    naf: '18.12Z', weight: 1, bands: ['02', '03', '11', '12'], setting: 'zone',
    legalNames: ['SAS IMPRIMERIE {NOM}', 'SARL {NOM} IMPRESSIONS'],
    tradeNames: ['IMPRIMERIE {PAYS}'],
  },
  {
    naf: '25.62B', weight: 1, bands: ['03', '11', '12'], setting: 'zone',
    legalNames: ['SAS {NOM} MECANIQUE DE PRECISION', 'SAS USINAGE {PAYS}'],
  },
  {
    naf: '33.16Z', weight: 1, bands: ['11', '12', '21', '22'], setting: 'zone', departements: ['33', '64', '17', '86'],
    legalNames: ['SAS {MARQUE} AERO SERVICES', 'SAS AEROMAINTENANCE {PAYS}'],
  },
  {
    naf: '38.11Z', weight: 1, bands: ['11', '12', '21'], setting: 'zone', multiSite: true,
    legalNames: ['SAS {NOM} ENVIRONNEMENT', 'SAS {NOM} RECYCLAGE'],
  },
  // Transport and logistics
  {
    naf: '49.41A', weight: 3, bands: ['03', '11', '12', '21'], setting: 'zone', multiSite: true,
    legalNames: ['SAS TRANSPORTS {NOM}', 'SARL {NOM} TRANSPORTS', 'SAS TRANSPORTS {NOM} ET FILS'],
  },
  {
    naf: '52.10B', weight: 2, bands: ['11', '12', '21', '22'], setting: 'zone', multiSite: true,
    legalNames: ['SAS {NOM} LOGISTIQUE', 'SAS ENTREPOTS {NOM}'],
  },
  // Office services, finance
  {
    naf: '62.01Z', weight: 2, bands: ['01', '02', '03', '11', '12'],
    legalNames: ['SAS {NOM} INFORMATIQUE', 'SAS {MARQUE}', 'SAS {MARQUE} SOLUTIONS'],
  },
  {
    naf: '62.02A', weight: 1, bands: ['02', '03', '11', '12'],
    legalNames: ['SAS {MARQUE} CONSEIL', 'SARL {NOM} CONSULTING'],
  },
  {
    naf: '73.11Z', weight: 1, bands: ['01', '02', '03'],
    legalNames: ['SAS AGENCE {MARQUE}', 'SARL {NOM} COMMUNICATION'],
  },
  {
    naf: '71.12B', weight: 1, bands: ['02', '03', '11', '12'],
    legalNames: ["SAS BUREAU D'ETUDES {NOM}", 'SARL {NOM} INGENIERIE'],
  },
  {
    naf: '69.20Z', weight: 3, bands: ['02', '03', '11', '12'],
    legalNames: ['SAS CABINET {NOM}', 'SARL {NOM} ET ASSOCIES EXPERTISE COMPTABLE', 'SAS FIDUCIAIRE {PAYS}', 'SAS AUDIT CONSEIL {PAYS}'],
  },
  {
    naf: '69.10Z', weight: 1, bands: ['01', '02', '03'], minPopulation: 5000,
    legalNames: ['SELARL {NOM} {NOM2} AVOCATS', 'SCP {NOM} ET {NOM2}'],
  },
  {
    naf: '64.19Z', weight: 2, bands: ['02', '03', '03', '11'], multiSite: true, minPopulation: 1500,
    legalNames: ['BANQUE COOPERATIVE DU SUD-OUEST', 'CAISSE REGIONALE DE CREDIT MUTUALISTE CENTRE-ATLANTIQUE'],
    tradeNames: ['AGENCE {VILLE}'],
    tradeNameRate: 0.9,
  },
  {
    naf: '65.12Z', weight: 1, bands: ['11', '12', '21'], multiSite: true, minPopulation: 10000,
    legalNames: ["MUTUELLE AGRICOLE D'ASSURANCES DU SUD-OUEST", 'SA {NOM} ASSURANCES'],
  },
  {
    naf: '66.22Z', weight: 2, bands: ['01', '02', '03'],
    legalNames: ['SARL {NOM} ASSURANCES', 'EURL CABINET {NOM}'],
  },
  {
    naf: '68.31Z', weight: 2, bands: ['01', '02', '03'],
    legalNames: ['SARL {NOM} IMMOBILIER', 'SAS AGENCE IMMOBILIERE {PAYS}'],
    tradeNames: ['AGENCE DU CENTRE', '{VILLE} IMMOBILIER', "L'IMMOBILIER {PAYS}"],
    tradeNameRate: 0.6,
  },
];

/** Share of generated rows that are closed establishments. */
const CLOSED_SHARE = 0.03;
/** Share of rows whose headcount SIRENE does not know. */
const UNKNOWN_HEADCOUNT_SHARE = 0.04;
/** For multiSite activities: chance that a row is another establishment of an existing network. */
const SAME_NETWORK_CHANCE = 0.4;

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

type Random = () => number;

function randomInt(random: Random, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}

function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[randomInt(random, items.length)]!;
}

/** Index drawn from cumulative weights (ascending, last = total). */
function pickCumulative(random: Random, cumulative: number[]): number {
  const target = random() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

function cumulativeOf(weights: number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}

function digits(random: Random, count: number): string {
  let result = '';
  for (let i = 0; i < count; i++) result += String(randomInt(random, 10));
  return result;
}

// ---------------------------------------------------------------------------------------------
// SIREN / SIRET
// ---------------------------------------------------------------------------------------------

/** Appends the digit that makes the whole string Luhn-valid. */
function withLuhnDigit(partial: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(partial + digit)) return partial + digit;
  }
  throw new Error(`no Luhn digit for ${partial}`);
}

function randomSiren(random: Random): string {
  for (;;) {
    const siren = withLuhnDigit(String(3 + randomInt(random, 7)) + digits(random, 7));
    if (!siren.startsWith(LA_POSTE_SIREN)) return siren;
  }
}

/** NIC: 4 digits + check digit. Head offices are usually 0001x; later establishments 0002x, 0003x... */
function siretFor(siren: string, establishmentNumber: number): string {
  return withLuhnDigit(siren + String(establishmentNumber).padStart(4, '0'));
}

// ---------------------------------------------------------------------------------------------
// Communes, names and addresses
// ---------------------------------------------------------------------------------------------

/** Upper case without accents, as SIRENE writes names; drops "(Canton de ...)" qualifiers. */
function sireneCase(text: string): string {
  return fold(text.replace(/\s*\(.*\)\s*/g, '')).toUpperCase();
}

/** "DE BORDEAUX", "D'ANGOULEME", "DU BOUSCAT", "DES EYZIES", "DE LA ROCHELLE", "DE L'HOUMEAU". */
function withDe(name: string): string {
  if (name.startsWith('LE ')) return `DU ${name.slice(3)}`;
  if (name.startsWith('LES ')) return `DES ${name.slice(4)}`;
  if (name.startsWith("L'")) return `DE ${name}`;
  if (/^[AEIOUY]/.test(name)) return `D'${name}`;
  return `DE ${name}`;
}

/** "BORDEAUX" -> "BOR", "PAU" -> "PAU", "SAINT-JUNIEN" -> "JUNI" (for names like "SAS JUNIDIS"). */
function shortCommune(name: string): string {
  const words = name
    .split(/[\s'-]+/)
    .filter((word) => word.length > 2 && !['SAINT', 'SAINTE', 'LES'].includes(word));
  return (words[0] ?? name.replace(/[^A-Z]/g, '')).slice(0, 4).replace(/D$/, '');
}

interface CommuneDraw {
  communes: Commune[];
  cumulative: number[];
}

/** Where an activity can be, per departement ('*' when it is anywhere in the region). */
const communeDraws = new Map<ActivityTemplate, Map<string, CommuneDraw>>();
/** Westernmost communes: the Atlantic coast, Ré, Oléron, the Bassin d'Arcachon, the Médoc and Landes coast. */
const COAST_LONGITUDE = -1;

/** Town and zone settings draw communes weighted by population; rural draws them uniformly (favouring villages). */
function communeDraw(activity: ActivityTemplate, departement: string | undefined): CommuneDraw {
  const draws = communeDraws.get(activity) ?? new Map<string, CommuneDraw>();
  communeDraws.set(activity, draws);
  let draw = draws.get(departement ?? '*');
  if (!draw) {
    const communes = communesOfNouvelleAquitaine().filter(
      (commune) =>
        (!departement || commune.departementCode === departement) &&
        commune.population >= (activity.minPopulation ?? 0) &&
        (!activity.coastal || commune.longitude < COAST_LONGITUDE),
    );
    const byPopulation = activity.setting !== 'rural';
    const weights = communes.map((commune) => (byPopulation ? Math.max(commune.population, 1) : 1));
    draw = { communes, cumulative: cumulativeOf(weights) };
    draws.set(departement ?? '*', draw);
  }
  return draw;
}

function drawCommune(random: Random, activity: ActivityTemplate): Commune {
  // A departement listed several times is likelier: pick one first, then the commune inside it.
  const departement = activity.departements ? pick(random, activity.departements) : undefined;
  const draw = communeDraw(activity, departement);
  return draw.communes[pickCumulative(random, draw.cumulative)]!;
}

/** Towns and villages; below these populations, no boulevards, and houses are fewer. */
const CITY_POPULATION = 15000;
const VILLAGE_POPULATION = 2000;

function streetNumber(random: Random, max = 160): string {
  const number = 1 + Math.floor(random() ** 2 * max);
  const roll = random();
  return roll < 0.05 ? `${number} BIS` : roll < 0.07 ? `${number} TER` : String(number);
}

function townStreet(random: Random, commune: Commune, lieuDit: string): string {
  if (commune.population < VILLAGE_POPULATION) {
    const roll = random();
    if (roll < 0.15) return 'LE BOURG';
    if (roll < 0.3) return `${streetNumber(random, 30)} ROUTE ${withDe(lieuDit)}`;
    return `${streetNumber(random, 40)} ${pick(random, VILLAGE_STREET_TYPES)} ${pick(random, TOWN_STREET_NAMES)}`;
  }
  const city = commune.population >= CITY_POPULATION;
  const type = pick(random, city ? CITY_STREET_TYPES : TOWN_STREET_TYPES);
  return `${streetNumber(random, city ? 160 : 80)} ${type} ${pick(random, TOWN_STREET_NAMES)}`;
}

/** The lieu-dit is the one in the establishment's name, if any ("SCEA CHATEAU LA GRAVE, LIEU-DIT LA GRAVE"). */
function drawStreet(random: Random, setting: Setting, commune: Commune, lieuDit: string): string {
  const roll = random();
  switch (setting) {
    case 'town':
      return townStreet(random, commune, lieuDit);
    case 'zone':
      return roll < 0.55
        ? `${pick(random, ZONE_TYPES)} ${pick(random, ZONE_NAMES)}`
        : `${streetNumber(random)} ${pick(random, ['RUE', 'AVENUE', 'ALLEE'])} ${pick(random, ZONE_STREET_NAMES)}`;
    case 'rural':
      if (roll < 0.5) return `LIEU-DIT ${lieuDit}`;
      if (roll < 0.65) return 'LE BOURG';
      return `${streetNumber(random, 40)} ${pick(random, ['CHEMIN', 'ROUTE'])} ${withDe(lieuDit)}`;
  }
}

/** Replaces the {PLACEHOLDERS} of a name pattern; the same surname stands for {NOM} in legal and trade names. */
function fillPattern(pattern: string, words: Record<string, string>): string {
  return pattern.replace(/\{([A-Z_0-9]+)\}/g, (_, key: string) => {
    const word = words[key];
    if (word === undefined) throw new Error(`unknown placeholder {${key}} in "${pattern}"`);
    return word;
  });
}

type NameWords = Record<
  'NOM' | 'NOM2' | 'PRENOM' | 'VILLE' | 'DE_VILLE' | 'PAYS' | 'LIEUDIT' | 'DE_LIEUDIT' | 'SOC' | 'MARQUE',
  string
>;

function nameWords(random: Random, commune: Commune): NameWords {
  const surname = pick(random, SURNAMES);
  let otherSurname = pick(random, SURNAMES);
  while (otherSurname === surname) otherSurname = pick(random, SURNAMES);
  const communeName = sireneCase(commune.name);
  const lieuDit = pick(random, LIEUX_DITS);
  return {
    NOM: surname,
    NOM2: otherSurname,
    PRENOM: pick(random, FIRST_NAMES),
    VILLE: communeName,
    DE_VILLE: withDe(communeName),
    PAYS: pick(random, PAYS[commune.departementCode] ?? ["D'AQUITAINE"]),
    LIEUDIT: lieuDit,
    DE_LIEUDIT: withDe(lieuDit),
    SOC: shortCommune(communeName),
    MARQUE: pick(random, BRAND_WORDS),
  };
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** An establishment's SIREN, SIRET and legal name. */
interface Identity {
  siren: string;
  siret: string;
  legalName: string;
}

/** A multi-site company, whose next establishments get the following NICs. */
interface Network extends Identity {
  nextEstablishment: number;
}

/** Keeps SIRENs and company names unique and remembers the multi-site companies, while generating one directory. */
class IdentityRegistry {
  private readonly usedSirens = new Set(FIXED_ESTABLISHMENTS.map((establishment) => establishment.siren));
  private readonly usedNames = new Set(FIXED_ESTABLISHMENTS.map((establishment) => establishment.legalName));
  private readonly networks = new Map<ActivityTemplate, Map<string, Network>>();

  constructor(private readonly random: Random) {}

  /** Another company already has this name (fine for networks: the new row becomes one of its establishments). */
  isNameTaken(legalName: string): boolean {
    return this.usedNames.has(legalName);
  }

  identityFor(activity: ActivityTemplate, legalName: string): Identity {
    const random = this.random;
    if (activity.multiSite) {
      const networks = this.networks.get(activity) ?? new Map<string, Network>();
      this.networks.set(activity, networks);
      const network =
        networks.get(legalName) ??
        (networks.size > 0 && random() < SAME_NETWORK_CHANCE
          ? pick(random, [...networks.values()])
          : undefined);
      if (network) return { ...network, siret: siretFor(network.siren, network.nextEstablishment++) };
    }

    let siren: string;
    do siren = randomSiren(random);
    while (this.usedSirens.has(siren));
    this.usedSirens.add(siren);
    this.usedNames.add(legalName);
    // Most companies have a single establishment, 0001x; some had earlier ones (moves, closures).
    const establishmentNumber = random() < 0.15 ? 2 + randomInt(random, 3) : 1;
    const identity = { siren, siret: siretFor(siren, establishmentNumber), legalName };
    if (activity.multiSite) {
      this.networks
        .get(activity)!
        .set(legalName, { ...identity, nextEstablishment: establishmentNumber + 1 });
    }
    return identity;
  }
}

/** Draws names until the legal name is not another company's (a few tries, then accepts a namesake). */
function drawNames(
  random: Random,
  activity: ActivityTemplate,
  commune: Commune,
  identities: IdentityRegistry,
): { words: NameWords; legalName: string } {
  for (let attempt = 1; ; attempt++) {
    const words = nameWords(random, commune);
    const legalName = fillPattern(pick(random, activity.legalNames), words);
    if (activity.multiSite || attempt >= 5 || !identities.isNameTaken(legalName)) return { words, legalName };
  }
}

function generateEstablishment(random: Random, identities: IdentityRegistry): DirectoryEstablishment {
  const activity = ACTIVITIES[pickCumulative(random, ACTIVITY_CUMULATIVE_WEIGHTS)]!;
  const commune = drawCommune(random, activity);
  const names = drawNames(random, activity, commune, identities);
  const { siren, siret, legalName } = identities.identityFor(activity, names.legalName);
  const words = names.words;
  const tradeNameRate = activity.tradeNames ? (activity.tradeNameRate ?? 0.5) : 0;
  return {
    siret,
    siren,
    legalName,
    tradeName: random() < tradeNameRate ? fillPattern(pick(random, activity.tradeNames!), words) : null,
    nafCode: activity.naf,
    headcountBand: random() < UNKNOWN_HEADCOUNT_SHARE ? null : pick(random, activity.bands),
    street: drawStreet(random, activity.setting ?? 'town', commune, words.LIEUDIT),
    postalCode: commune.postalCode,
    communeCode: commune.code,
    communeName: commune.name,
    active: true,
  };
}

const ACTIVITY_CUMULATIVE_WEIGHTS = cumulativeOf(ACTIVITIES.map((activity) => activity.weight));

/**
 * The directory: copies of FIXED_ESTABLISHMENTS followed by `count` generated establishments,
 * identical for the same seed.
 */
export function generateDirectory(options: { count?: number; seed?: number } = {}): DirectoryEstablishment[] {
  const { count = 240, seed = 2024 } = options;
  const random = seededRandom(seed);
  const identities = new IdentityRegistry(random);
  const generated = Array.from({ length: count }, () => generateEstablishment(random, identities));
  closeSome(random, generated);
  return [...FIXED_ESTABLISHMENTS.map((establishment) => ({ ...establishment })), ...generated];
}

/** Marks about CLOSED_SHARE of the rows as closed establishments (SIRENE no longer gives them a headcount). */
function closeSome(random: Random, establishments: DirectoryEstablishment[]): void {
  const closedCount = Math.min(
    establishments.length,
    Math.max(1, Math.round(establishments.length * CLOSED_SHARE)),
  );
  let closed = 0;
  while (closed < closedCount) {
    const establishment = pick(random, establishments);
    if (!establishment.active) continue;
    establishment.active = false;
    establishment.headcountBand = null;
    closed++;
  }
}
