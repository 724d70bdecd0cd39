import { Group, List, Text } from '@mantine/core';
import { OETH_SENTENCE, type ApplicantProfile as Profile } from '../../../shared/domain/applications';
import { diplomaStateLabels } from '../../../shared/domain/candidates';
import { contractTypeLabels } from '../../../shared/domain/offers';
import { diplomaLevelLabels } from '../../../shared/domain/referentials';
import { formatDate, formatDay } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { HandicapPictogram } from '../offers/HandicapPictogram';

/** Text the candidate wrote, line breaks kept, never read as HTML. */
export function CandidateText({ children }: { children: string }) {
  return (
    <Text component="span" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  );
}

/** The OETH declaration: the pictogram and its sentence written beside it. */
export function OethDeclaration() {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <HandicapPictogram decorative label={OETH_SENTENCE} />
      <Text size="sm" fw={600}>
        {OETH_SENTENCE}
      </Text>
    </Group>
  );
}

/** What staff see of the profile an application was made with: never a mail, a phone or an address. */
export function ApplicantProfile({ profile }: { profile: Profile }) {
  return (
    <DetailList
      items={[
        { label: 'Candidat', value: `${profile.firstName} ${profile.lastName}` },
        { label: 'Âge', value: `${profile.age} ans` },
        { label: 'Métier', value: `${profile.romeLabel} (${profile.romeCode})` },
        {
          label: 'Diplômes',
          value:
            profile.diplomas.length === 0 ? null : (
              <List size="sm" spacing={4}>
                {profile.diplomas.map((diploma) => (
                  <List.Item key={diploma.id}>
                    {diploma.label} — {diplomaLevelLabels[diploma.level] ?? `Niveau ${diploma.level}`} —{' '}
                    {diplomaStateLabels[diploma.state]}
                  </List.Item>
                ))}
              </List>
            ),
        },
        {
          label: 'Commune',
          value: `${profile.communeName} — mobilité ${profile.mobilityKm} km`,
        },
        {
          label: 'Disponible à partir du',
          // A calendar day; a full timestamp would be read in the user's time zone.
          value: /^\d{4}-\d{2}-\d{2}$/.test(profile.availableFrom)
            ? formatDay(profile.availableFrom)
            : formatDate(profile.availableFrom),
        },
        {
          label: 'Contrats recherchés',
          value: profile.contractTypes.map((type) => contractTypeLabels[type]).join(', '),
        },
        { label: 'Présentation', value: <CandidateText>{profile.presentation}</CandidateText> },
      ]}
    />
  );
}
