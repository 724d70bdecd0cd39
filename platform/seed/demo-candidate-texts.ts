/**
 * What the demo's candidates and staff write: profile presentations, application messages and
 * replies, put together from fragments so that no two read quite alike. Candidates never write
 * their mail or phone (staff must not see them); staff replies always give a way to reach the
 * CFA, as the manual asks (the candidate does not have its contact details).
 */
import { FRENCH_MONTHS } from '../../shared/domain/match';
import type { Diploma } from '../../shared/domain/referentials';
import { pick } from '../../shared/random';

type Random = () => number;
export type Gender = 'f' | 'm';

/** Masculine or feminine form. */
const g = (gender: Gender, masculine: string, feminine: string) => (gender === 'f' ? feminine : masculine);

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "de boulanger", "d’électricien". */
export function de(word: string): string {
  return /^[aeéèêiîoôuyh]/i.test(word) ? `d’${word}` : `de ${word}`;
}

/**
 * A ROME label in one gender, lower case: "Jardinier / Jardinière paysagiste" → "jardinière
 * paysagiste" (the words after the feminine form belong to both).
 */
export function metierName(label: string, gender: Gender): string {
  const [masculine, feminine] = label.split(' / ');
  let name = masculine!;
  if (feminine) {
    const mWords = masculine!.split(' ');
    const fWords = feminine.split(' ');
    name = gender === 'f' ? feminine : [...mWords, ...fWords.slice(mWords.length)].join(' ');
  }
  // The ROME writes some capitals without their accent.
  return lowerFirst(name).replace(/^e(lectri|lagu|quipi)/, 'é$1');
}

/** "le CAP Cuisine", "la licence pro …", "le titre professionnel …". */
export function theDiploma(diploma: Pick<Diploma, 'kind' | 'label'>): string {
  switch (diploma.kind) {
    case 'Mention complémentaire':
      return `la ${diploma.label}`;
    case 'Licence pro':
      return `la ${lowerFirst(diploma.label)}`;
    case 'Titre professionnel':
    case 'Master':
    case "Diplôme d'ingénieur":
      return `le ${lowerFirst(diploma.label)}`;
    default:
      return `le ${diploma.label}`;
  }
}

/** "au CAP Cuisine", "à la licence pro …". */
export function toTheDiploma(diploma: Pick<Diploma, 'kind' | 'label'>): string {
  const the = theDiploma(diploma);
  return the.startsWith('le ') ? `au ${the.slice(3)}` : `à ${the}`;
}

/** "du CAP Cuisine", "de la licence pro …". */
export function ofTheDiploma(diploma: Pick<Diploma, 'kind' | 'label'>): string {
  const the = theDiploma(diploma);
  return the.startsWith('le ') ? `du ${the.slice(3)}` : `de ${the}`;
}

/** "début septembre", "mi-octobre", "fin août" for an aaaa-mm-jj date. */
export function roughDate(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const when = day <= 10 ? 'début' : day <= 20 ? 'mi-' : 'fin';
  const name = FRENCH_MONTHS[month - 1]!;
  return when === 'mi-' ? `mi-${name}` : `${when} ${name}`;
}

export interface PresentationContext {
  gender: Gender;
  age: number;
  romeLabel: string;
  prepared: Diploma;
  obtained: Diploma[];
  communeName: string;
  mobilityKm: number;
  availableFrom: string;
  /** Several projects: the presentation says which one this is. */
  secondProject: boolean;
}

const PREVIOUS_JOBS = [
  'la vente',
  'la logistique',
  'la restauration rapide',
  'l’animation',
  'l’intérim',
  'la grande distribution',
  'l’aide à domicile',
  'les travaux saisonniers',
];

function situation(random: Random, c: PresentationContext): string {
  const metier = metierName(c.romeLabel, c.gender);
  const diploma = theDiploma(c.prepared);
  const holding = c.obtained.at(-1);
  if (c.secondProject) {
    return pick(random, [
      `J’ai un second projet : devenir ${metier}, en préparant ${diploma}.`,
      `Je m’intéresse aussi au métier ${de(metier)} et je peux préparer ${diploma}.`,
    ]);
  }
  if (c.prepared.kind === 'Titre professionnel' && c.age >= 23) {
    return pick(random, [
      `Après plusieurs années dans ${pick(random, PREVIOUS_JOBS)}, je me reconvertis vers le métier ${de(metier)}.`,
      `À ${c.age} ans, je souhaite changer de voie et préparer ${diploma} en alternance.`,
    ]);
  }
  if (holding) {
    return pick(random, [
      `Titulaire ${ofTheDiploma(holding)}, je souhaite poursuivre avec ${diploma} en alternance.`,
      `J’ai obtenu ${theDiploma(holding)} et je veux maintenant préparer ${diploma}.`,
    ]);
  }
  if (c.age <= 17) {
    return pick(random, [
      `Je sors de troisième et je souhaite préparer ${diploma} en apprentissage.`,
      `Actuellement en seconde, je veux apprendre le métier ${de(metier)} en apprentissage.`,
      `Je cherche un employeur pour préparer ${diploma} à la rentrée.`,
    ]);
  }
  return pick(random, [
    `Je recherche un contrat en alternance pour préparer ${diploma}.`,
    `Je souhaite devenir ${metier} et préparer ${diploma} en alternance.`,
    `Mon objectif : préparer ${diploma} au sein d’une entreprise qui me fera confiance.`,
  ]);
}

function motivation(random: Random, c: PresentationContext): string {
  return pick(random, [
    `J’ai découvert ce métier pendant un stage ${pick(random, ['d’une semaine', 'de deux semaines', 'de trois semaines'])} et il me plaît beaucoup.`,
    `Je suis ${g(c.gender, 'motivé', 'motivée')}, ${g(c.gender, 'ponctuel', 'ponctuelle')} et j’aime le travail en équipe.`,
    'Un job d’été m’a conforté dans ce choix.',
    `${g(c.gender, 'Sérieux et curieux', 'Sérieuse et curieuse')}, j’ai envie d’apprendre un métier concret auprès de professionnels.`,
    'Je suis à l’aise avec le public et j’aime rendre service.',
    `${g(c.gender, 'Manuel et minutieux', 'Manuelle et minutieuse')}, je veux un métier où l’on voit le résultat de son travail.`,
    'J’apprends vite et je n’ai pas peur des horaires décalés.',
  ]);
}

function practical(random: Random, c: PresentationContext): string {
  return pick(random, [
    `Je suis disponible à partir de ${roughDate(c.availableFrom)}.`,
    `J’habite à ${c.communeName} et je peux me déplacer jusqu’à ${c.mobilityKm} km.`,
    c.age >= 18
      ? `Titulaire du permis B, je suis ${g(c.gender, 'véhiculé', 'véhiculée')}.`
      : 'Je me déplace en scooter ou en transports en commun.',
    `Je cherche une entreprise autour de ${c.communeName}.`,
  ]);
}

/** One to three sentences, as a candidate would write them. */
export function presentation(random: Random, c: PresentationContext): string {
  const sentences = [situation(random, c)];
  const more = random();
  if (more > 0.2) sentences.push(motivation(random, c));
  if (more > 0.55) sentences.push(practical(random, c));
  return sentences.join(' ');
}

export interface MessageContext {
  gender: Gender;
  firstName: string;
  offerTitle: string;
  prepared: Diploma;
  /** The offer prepares that diploma (the message may say so). */
  preparedByOffer: boolean;
  availableFrom: string;
  offerCommuneName: string;
}

/** A candidate's message with an application (no contact details: the platform forbids sharing them). */
export function applicationMessage(random: Random, c: MessageContext): string {
  const opening = pick(random, [
    `Bonjour, votre offre « ${c.offerTitle} » m’intéresse beaucoup.`,
    `Madame, Monsieur, je vous adresse ma candidature pour l’offre « ${c.offerTitle} ».`,
    `Bonjour, je souhaite postuler à votre offre « ${c.offerTitle} ».`,
  ]);
  const middle = pick(random, [
    c.preparedByOffer
      ? `Elle correspond ${toTheDiploma(c.prepared)} que je souhaite préparer.`
      : `Je souhaite préparer ${theDiploma(c.prepared)} : ce poste correspond à mon projet.`,
    `Je suis disponible dès ${roughDate(c.availableFrom)} et je peux me rendre facilement à ${c.offerCommuneName}.`,
    `Je serais ${g(c.gender, 'ravi', 'ravie')} de vous rencontrer pour vous présenter ma motivation.`,
    'J’ai déjà fait un stage dans ce domaine et je veux continuer.',
  ]);
  const closing = pick(random, ['Cordialement,', 'Merci pour votre attention.', 'Bien à vous,']);
  return random() < 0.3
    ? `${opening} ${closing} ${c.firstName}`
    : `${opening} ${middle}\n${closing}\n${c.firstName}`;
}

export interface ReplyContext {
  firstName: string;
  offerTitle: string;
  /** The member who answers, "Prénom Nom". */
  memberName: string;
  memberMail: string;
  structureName: string;
  structureMail: string;
  /** As people write it: 05 56 00 00 00. */
  structurePhone: string;
}

/** Why staff refuse: the offer was filled, the candidate lives too far or prepares another diploma, or after an interview. */
export type RefusalReason = 'pourvue' | 'distance' | 'profil' | 'entretien' | 'autre';

/** "+33556000000" → "05 56 00 00 00". */
export function nationalPhone(e164: string): string {
  const digits = e164.startsWith('+33') ? `0${e164.slice(3)}` : e164;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

function signature(c: ReplyContext): string {
  return `${c.memberName}\n${c.structureName}`;
}

/** "Organiser un entretien / obtenir plus d'informations", with a way to reach the CFA. */
export function interviewReply(random: Random, c: ReplyContext): string {
  const body = pick(random, [
    `Votre candidature à l’offre « ${c.offerTitle} » a retenu notre attention. Nous souhaitons vous rencontrer avec l’employeur. Merci de nous appeler au ${c.structurePhone} pour convenir d’un rendez-vous.`,
    `Merci pour votre candidature à l’offre « ${c.offerTitle} ». Pouvez-vous nous écrire à ${c.memberMail} en indiquant vos disponibilités pour un entretien la semaine prochaine ?`,
    `Avant de transmettre votre candidature à l’employeur, nous aurions besoin de quelques précisions sur votre projet (date de disponibilité, moyen de transport). Vous pouvez nous joindre au ${c.structurePhone} ou à ${c.structureMail}.`,
    `Votre profil correspond à l’offre « ${c.offerTitle} ». Je vous propose un entretien téléphonique : appelez-moi au ${c.structurePhone} du lundi au vendredi, de 9 h à 17 h.`,
  ]);
  return `Bonjour ${c.firstName},\n\n${body}\n\n${signature(c)}`;
}

/** "Refuser la candidature", politely, with a way to reach the CFA for other offers. */
export function refusalReply(random: Random, c: ReplyContext, why: RefusalReason): string {
  const reasons: Record<RefusalReason, string> = {
    pourvue: `Le poste « ${c.offerTitle} » a été pourvu et nous ne pouvons pas donner suite à votre candidature.`,
    distance: `Le lieu de travail de l’offre « ${c.offerTitle} » nous semble trop éloigné de chez vous pour un contrat en alternance.`,
    profil: `Votre profil ne correspond pas aux attentes de l’employeur pour l’offre « ${c.offerTitle} » (diplôme préparé) et nous ne pouvons pas y donner suite.`,
    entretien: `Merci pour l’entretien que nous avons eu. L’employeur a finalement retenu une autre candidature pour l’offre « ${c.offerTitle} ».`,
    autre: `L’employeur a retenu une autre candidature pour l’offre « ${c.offerTitle} ».`,
  };
  const reason = reasons[why];
  const contact = pick(random, [
    `Si vous le souhaitez, nous pouvons vous aider à trouver une autre entreprise : écrivez-nous à ${c.structureMail}.`,
    `N’hésitez pas à nous appeler au ${c.structurePhone} pour parler de vos autres pistes.`,
    `D’autres offres pourraient vous intéresser : contactez-nous à ${c.memberMail}.`,
  ]);
  return `Bonjour ${c.firstName},\n\n${reason}\n${contact}\n\nCordialement,\n${signature(c)}`;
}
