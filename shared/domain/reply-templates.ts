import { z } from '../zod';
import { requiredText } from './fields';
import { replyDecisions } from './applications';

// Reply templates of a structure, edited by its members and kept with "Ma structure" (they sync
// with it). A template's text may hold placeholders filled for each application.

export const REPLY_TEMPLATES_MAX = 12;

export const replyTemplateSchema = z.object({
  id: z.string().min(1).max(60),
  /** The answer it is for: an interview ("recevable") or a refusal. */
  decision: z.enum(replyDecisions, { error: 'Choisissez le type de réponse du modèle.' }),
  name: requiredText('Nom du modèle', 80),
  body: requiredText('Texte du modèle', 4000),
});
export type ReplyTemplate = z.output<typeof replyTemplateSchema>;

export const replyTemplatesSchema = z
  .array(replyTemplateSchema)
  .max(REPLY_TEMPLATES_MAX, `Pas plus de ${REPLY_TEMPLATES_MAX} modèles de réponse.`)
  .refine(
    (list) => new Set(list.map((t) => t.id)).size === list.length,
    'Deux modèles ont le même identifiant.',
  );

/** The placeholders a template may use, and what each one becomes. */
export const replyPlaceholders = {
  '{prénom}': 'le prénom du candidat',
  '{intitulé}': "l'intitulé de l'offre",
  '{structure}': 'le nom de votre structure',
} as const;

export interface ReplyContext {
  firstName: string | null;
  offerTitle: string;
  structureName: string;
}

/** A template's text for one application (an unknown first name leaves a neutral greeting). */
export function fillTemplate(body: string, context: ReplyContext): string {
  return body
    .replaceAll('{prénom}', context.firstName ?? '')
    .replaceAll('{intitulé}', context.offerTitle)
    .replaceAll('{structure}', context.structureName)
    .replace(/Bonjour ,/g, 'Bonjour,');
}

/** What a structure starts with (and gets back when its list is emptied). */
export const defaultReplyTemplates: ReplyTemplate[] = [
  {
    id: 'entretien',
    decision: 'recevable',
    name: 'Proposition d’entretien',
    body:
      'Bonjour {prénom},\n\nVotre candidature à l’offre « {intitulé} » a retenu notre attention. ' +
      'Nous souhaitons vous rencontrer pour un entretien.\n' +
      'Merci de nous indiquer vos disponibilités en nous écrivant à [mail] ou en appelant le [téléphone].\n\n' +
      'Cordialement,\n{structure}',
  },
  {
    id: 'informations',
    decision: 'recevable',
    name: 'Demande d’informations',
    body:
      'Bonjour {prénom},\n\nMerci pour votre candidature à l’offre « {intitulé} ». ' +
      'Pour l’étudier, nous aurions besoin de quelques informations complémentaires : [précisez].\n' +
      'Vous pouvez nous joindre à [mail] ou au [téléphone].\n\nCordialement,\n{structure}',
  },
  {
    id: 'refus-pourvue',
    decision: 'refusee',
    name: 'Refus : offre pourvue',
    body:
      'Bonjour {prénom},\n\nMerci pour l’intérêt que vous portez à l’offre « {intitulé} ». ' +
      'Le poste a été pourvu et nous ne pouvons pas donner suite à votre candidature.\n' +
      'Nous vous souhaitons une pleine réussite dans votre recherche.\n\nCordialement,\n{structure}',
  },
  {
    id: 'refus-profil',
    decision: 'refusee',
    name: 'Refus : profil ne correspondant pas',
    body:
      'Bonjour {prénom},\n\nMerci pour votre candidature à l’offre « {intitulé} ». ' +
      'Votre profil ne correspond pas aux attentes de l’employeur pour ce poste (diplôme ou métier préparé), ' +
      'et nous ne pouvons pas y donner suite.\nN’hésitez pas à consulter nos autres offres.\n\nCordialement,\n{structure}',
  },
];
