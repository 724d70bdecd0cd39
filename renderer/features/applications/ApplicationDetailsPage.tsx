import { PrintButton } from '../shortcuts/PrintButton';
import { Alert, Anchor, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  applicantName,
  applicationStatusLabels,
  refusalReasonText,
} from '../../../shared/domain/applications';
import type { ApplicationDetails } from '../../../shared/domain/session';
import { messageOf } from '../../api/client';
import { formatDateTime } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { DateWithAge } from '../../ui/RelativeTime';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SectionCard } from '../../ui/SectionCard';
import { usePageTitle } from '../../ui/usePageTitle';
import { employerPath } from '../employers/paths';
import { editOfferPath } from '../offers/paths';
import { backTo, profilePath } from '../profiles/paths';
import { ApplicantProfile, CandidateText, OethDeclaration } from './ApplicantProfile';
import { ApplicationHistory } from './ApplicationHistory';
import { ApplicationStatusBadges } from './ApplicationStatusBadges';
import { applicationPath, applicationsListPath } from './paths';
import { PlatformStatusAlert } from './PlatformStatusAlert';
import { useApplication, useMarkRead } from './queries';
import { ReplyForm } from './ReplyForm';

/** The answer given (or waiting to be sent): decision, who, when, the message. */
function SentReply({ application }: { application: ApplicationDetails }) {
  const waiting = application.syncState !== 'synced';
  return (
    <SectionCard
      id="application-reply"
      title={waiting ? 'Réponse enregistrée sur ce poste' : 'Réponse envoyée'}
    >
      <DetailList
        items={[
          { label: 'Décision', value: applicationStatusLabels[application.status] },
          ...(application.refusalReason
            ? [
                {
                  label: 'Motif du refus',
                  value: refusalReasonText(application.refusalReason, application.refusalDetail),
                },
              ]
            : []),
          { label: 'Par', value: application.repliedBy },
          { label: 'Date', value: application.repliedAt ? formatDateTime(application.repliedAt) : null },
          {
            label: 'Message',
            value: application.replyMessage ? (
              <CandidateText>{application.replyMessage}</CandidateText>
            ) : null,
          },
        ]}
      />
    </SectionCard>
  );
}

/** "Répondre à cette candidature": open at once while it is "A traiter", on demand once answered. */
function ReplySection({ application }: { application: ApplicationDetails }) {
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(application.status);
  // A reply just sent moves the application: the form closes with its new status.
  if (shownFor !== application.status) {
    setShownFor(application.status);
    setOpen(false);
  }
  if (application.status !== 'a_traiter' && application.status !== 'recevable') return null;
  if (application.profile === null) return null;
  return (
    <SectionCard id="application-answer" title="Répondre à cette candidature">
      {application.status === 'a_traiter' || open ? (
        <ReplyForm application={application} />
      ) : (
        <Stack align="flex-start">
          <Text size="sm">
            Cette candidature est recevable. Vous pouvez encore proposer un entretien, demander des
            informations ou la refuser.
          </Text>
          <Button variant="outline" onClick={() => setOpen(true)}>
            Répondre à cette candidature
          </Button>
        </Stack>
      )}
    </SectionCard>
  );
}

function Details({ application }: { application: ApplicationDetails }) {
  usePageTitle(`Candidature n° ${application.number}`);
  const { profile } = application;
  return (
    <Stack>
      <Anchor component={Link} to={applicationsListPath({ status: application.status })} size="sm">
        Retour aux candidatures
      </Anchor>
      <Group justify="space-between" align="center">
        <Title order={1}>Candidature n° {application.number}</Title>
        <Group>
          <ApplicationStatusBadges application={application} size="lg" />
          <PrintButton pdfName={`Candidature n° ${application.number}`} />
        </Group>
      </Group>
      <PlatformStatusAlert application={application} />
      <DetailList
        items={[
          { label: 'N° de candidature', value: String(application.number) },
          { label: 'Candidat', value: applicantName(application) },
          { label: 'Reçue le', value: <DateWithAge at={application.receivedAt} /> },
          { label: 'Statut', value: applicationStatusLabels[application.status] },
        ]}
      />
      {application.status === 'abandonnee' && (
        <Alert color="gray" variant="outline" title="Candidature abandonnée">
          <Text size="sm">{application.abandonReason ?? 'Le candidat a retiré sa candidature.'}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SectionCard id="application-offer" title="L’offre">
          <Stack>
            <DetailList
              items={[
                { label: "N° d'offre", value: String(application.offerNumber) },
                { label: 'Intitulé', value: application.offerTitle },
                {
                  label: 'Employeur',
                  value: (
                    <Anchor component={Link} to={employerPath(application.employerId)} size="sm">
                      {application.employerName}
                    </Anchor>
                  ),
                },
              ]}
            />
            <Group>
              <Anchor component={Link} to={editOfferPath(application.offerId)} size="sm">
                Ouvrir l’offre
              </Anchor>
              <Anchor component={Link} to={applicationsListPath({ offerId: application.offerId })} size="sm">
                Toutes les candidatures à cette offre
              </Anchor>
            </Group>
          </Stack>
        </SectionCard>
        <SectionCard id="application-profile" title="Le profil">
          {profile ? (
            <Stack>
              {profile.oeth && <OethDeclaration />}
              <ApplicantProfile profile={profile} />
              <Anchor
                component={Link}
                to={profilePath(profile.id)}
                state={backTo(applicationPath(application.id), 'Retour à la candidature')}
                size="sm"
              >
                Ouvrir le profil (favori, contacts, alertes)
              </Anchor>
            </Stack>
          ) : (
            <Text size="sm">
              {applicantName(application)} : le candidat a supprimé ce profil ou son compte, ses données ne
              sont plus visibles.
            </Text>
          )}
        </SectionCard>
      </SimpleGrid>
      <SectionCard id="application-message" title="Message du candidat">
        {application.message === null ? (
          <Text size="sm">Message supprimé avec les données du candidat.</Text>
        ) : (
          <CandidateText>{application.message}</CandidateText>
        )}
      </SectionCard>
      {application.replyMessage !== null && <SentReply application={application} />}
      <ReplySection application={application} />
      <SectionCard id="application-history" title="Historique">
        <ApplicationHistory history={application.history} />
      </SectionCard>
    </Stack>
  );
}

/** "Détails" of an application: offer and profile side by side, the message, the answer, the history. */
export function ApplicationDetailsPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  const { mutate: markRead } = useMarkRead();
  const marked = useRef<string | null>(null);
  const unread = application.data?.readAt === null;
  useEffect(() => {
    // Once per opening (and not twice under StrictMode): the core records who read it first. A
    // failure changes nothing the user reads here, so it is not shown.
    if (!unread || marked.current === id) return;
    marked.current = id;
    markRead(id);
  }, [id, unread, markRead]);

  if (application.isPending) return <Loader aria-label="Chargement de la candidature" />;
  if (application.error) {
    return (
      <Stack>
        <Title order={1}>Candidature</Title>
        <ErrorAlert message={messageOf(application.error)} onRetry={() => void application.refetch()} />
        <Anchor component={Link} to={applicationsListPath()}>
          Retour aux candidatures
        </Anchor>
      </Stack>
    );
  }
  return <Details application={application.data} />;
}
