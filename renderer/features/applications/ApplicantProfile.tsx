import { Group, List, Text } from '@mantine/core';
import { OETH_SENTENCE, type ApplicantProfile as Profile } from '../../../shared/domain/applications';
import { diplomaStateLabels } from '../../../shared/domain/candidates';
import { contractTypeLabels } from '../../../shared/domain/offers';
import { diplomaLevelLabels } from '../../../shared/domain/referentials';
import { formatDayOrDate } from '../../ui/dates';
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

/** "Niveau 4 (Bac, BP)". */
export function levelLabel(level: number): string {
  return diplomaLevelLabels[level] ?? `Niveau ${level}`;
}

/**
 * What staff see of a candidate's profile (an application's, or one found by "Rechercher des
 * profils", which knows its level): never a mail, a phone or an address.
 */
export function ApplicantProfile({ profile }: { profile: Profile & { level?: number } }) {
  return (
    <DetailList
      items={[
        { label: 'Candidat', value: `${profile.firstName} ${profile.lastName}` },
        { label: 'Âge', value: `${profile.age} ans` },
        { label: 'Métier', value: `${profile.romeLabel} (${profile.romeCode})` },
        ...(profile.level === undefined ? [] : [{ label: 'Niveau', value: levelLabel(profile.level) }]),
        {
          label: 'Diplômes',
          value:
            profile.diplomas.length === 0 ? null : (
              <List size="sm" spacing={4}>
                {profile.diplomas.map((diploma) => (
                  <List.Item key={diploma.id}>
                    {diploma.label} — {levelLabel(diploma.level)} — {diplomaStateLabels[diploma.state]}
                  </List.Item>
                ))}
              </List>
            ),
        },
        { label: 'Commune', value: profile.communeName },
        { label: 'Mobilité', value: `${profile.mobilityKm} km` },
        { label: 'Disponible à partir du', value: formatDayOrDate(profile.availableFrom) },
        {
          label: 'Contrats recherchés',
          value: profile.contractTypes.map((type) => contractTypeLabels[type]).join(', '),
        },
        { label: 'Présentation', value: <CandidateText>{profile.presentation}</CandidateText> },
      ]}
    />
  );
}
