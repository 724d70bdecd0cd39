import { Alert, Button, Card, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { memberRoleLabels } from '../../../shared/domain/account';
import { REFERENT_ONLY } from '../../../shared/domain/members';
import type { LocalMember } from '../../../shared/domain/session';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { downloadCsv, type CsvColumn } from '../../ui/csv';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { usePageTitle } from '../../ui/usePageTitle';
import { useConnectivity } from '../session/queries';
import { useSignedInSession } from '../session/SessionGate';
import { useRefreshOnOpen } from '../sync/queries';

export const MEMBERS_PATH = '/mon-compte/utilisateurs-de-ma-structure';

/** What the home page says to someone sent there from a page they may not open. */
export interface HomeNotice {
  notice: string;
}

const fullName = (member: LocalMember) => `${member.firstName} ${member.lastName}`;

const csvColumns: ReadonlyArray<CsvColumn<LocalMember>> = [
  { header: 'Prénom', value: (member) => member.firstName },
  { header: 'Nom', value: (member) => member.lastName },
  { header: 'Mail', value: (member) => member.mail },
  { header: 'Rôle', value: (member) => memberRoleLabels[member.role] },
  { header: 'Date', value: (member) => formatDate(member.joinedAt) },
];

type RoleChange =
  | { kind: 'approve'; member: LocalMember }
  | { kind: 'transfer'; member: LocalMember }
  | { kind: 'remove'; member: LocalMember };

function useRoleChange(onTransferred: (member: LocalMember | null) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, member }: RoleChange) => {
      const input = { userId: member.id };
      if (kind === 'approve') return call('members.approve', input);
      if (kind === 'transfer') return call('members.transfer', input);
      return call('members.remove', input);
    },
    onMutate: ({ kind, member }) => {
      // Known before the answer: the new session (now gestionnaire) arrives first.
      if (kind === 'transfer') onTransferred(member);
    },
    onError: (_error, { kind }) => {
      if (kind === 'transfer') onTransferred(null);
    },
    onSuccess: (members, { kind, member }) => {
      queryClient.setQueryData(queryKeys.members, members);
      if (kind === 'approve')
        notifySuccess(`${fullName(member)} est maintenant gestionnaire de la structure.`);
      if (kind === 'remove') notifySuccess(`${fullName(member)} ne fait plus partie de la structure.`);
    },
  });
}

function MembersTable({
  members,
  onRemove,
  disabled,
}: {
  members: LocalMember[];
  onRemove: (member: LocalMember) => void;
  disabled: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Caption>Utilisateurs de la structure et demandes de rattachement</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Nom</Table.Th>
            <Table.Th scope="col">Mail</Table.Th>
            <Table.Th scope="col">Rôle</Table.Th>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Th scope="row" fw={500}>
                {fullName(member)}
              </Table.Th>
              <Table.Td>{member.mail}</Table.Td>
              <Table.Td>{memberRoleLabels[member.role]}</Table.Td>
              <Table.Td>{formatDate(member.joinedAt)}</Table.Td>
              <Table.Td>
                {member.role !== 'referent' && (
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    disabled={disabled}
                    aria-label={`${member.role === 'pending' ? 'Refuser la demande de' : 'Retirer'} ${fullName(member)}`}
                    onClick={() => onRemove(member)}
                  >
                    {member.role === 'pending' ? 'Refuser' : 'Retirer'}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A member to choose from a list, then one action on them. */
function ChooseAndAct({
  title,
  description,
  label,
  action,
  candidates,
  empty,
  disabled,
  onAct,
}: {
  title: string;
  description: string;
  label: string;
  action: string;
  candidates: LocalMember[];
  empty: string;
  disabled: boolean;
  onAct: (member: LocalMember) => void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const member = candidates.find((candidate) => candidate.id === chosen);
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm">{description}</Text>
        {candidates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Group align="flex-end">
            <Select
              label={label}
              placeholder="Choisissez"
              data={candidates.map((candidate) => ({
                value: candidate.id,
                label: `${fullName(candidate)} (${candidate.mail})`,
              }))}
              value={chosen}
              onChange={setChosen}
              w={380}
            />
            <Button
              disabled={disabled || !member}
              onClick={() => {
                if (member) onAct(member);
                setChosen(null);
              }}
            >
              {action}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function MembersManager({ onTransferred }: { onTransferred: (member: LocalMember | null) => void }) {
  const members = useQuery({ queryKey: queryKeys.members, queryFn: () => call('members.list') });
  useRefreshOnOpen();
  const connectivity = useConnectivity();
  const offline = connectivity.data?.state === 'offline';
  const change = useRoleChange(onTransferred);

  const list = members.data ?? [];
  const confirm = (roleChange: RoleChange, title: string, text: string, label: string) =>
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{text}</Text>,
      labels: { confirm: label, cancel: 'Annuler' },
      confirmProps: roleChange.kind === 'remove' ? { color: 'red.9' } : {},
      closeButtonProps: { 'aria-label': 'Fermer' },
      onConfirm: () => change.mutate(roleChange),
    });

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>Utilisateurs de ma structure</Title>
        <Button
          variant="outline"
          disabled={list.length === 0}
          onClick={() => downloadCsv('utilisateurs', csvColumns, list)}
        >
          Exporter en CSV
        </Button>
      </Group>
      {offline && (
        <Alert color="orange" variant="outline" role="status">
          Hors ligne : la liste ci-dessous est celle de la dernière synchronisation. Ajouter un gestionnaire,
          transférer vos droits ou retirer un utilisateur nécessite la plateforme.
        </Alert>
      )}
      {change.error && <ErrorAlert message={messageOf(change.error)} />}
      {members.isPending && <Loader aria-label="Chargement des utilisateurs" />}
      {members.error && (
        <ErrorAlert message={messageOf(members.error)} onRetry={() => void members.refetch()} />
      )}
      {members.data && (
        <>
          <MembersTable
            members={list}
            disabled={offline || change.isPending}
            onRemove={(member) =>
              member.role === 'pending'
                ? confirm(
                    { kind: 'remove', member },
                    'Refuser la demande',
                    `${fullName(member)} ne sera pas rattaché(e) à la structure et n’aura accès à aucune de ses données.`,
                    'Refuser la demande',
                  )
                : confirm(
                    { kind: 'remove', member },
                    'Retirer un gestionnaire',
                    `${fullName(member)} ne fera plus partie de la structure : son accès à ses données prend fin à sa prochaine synchronisation. Son compte n’est pas supprimé.`,
                    'Retirer',
                  )
            }
          />
          <ChooseAndAct
            title="Ajouter un gestionnaire"
            description="Les personnes qui ont créé un compte avec le Siret de la structure attendent votre validation. Devenues gestionnaires, elles accèdent aux données de la structure."
            label="Collaborateur en attente"
            action="Ajouter"
            candidates={list.filter((member) => member.role === 'pending')}
            empty="Aucune demande de rattachement en attente."
            disabled={offline || change.isPending}
            onAct={(member) => change.mutate({ kind: 'approve', member })}
          />
          <ChooseAndAct
            title="Transférer mes droits"
            description="Le nouveau référent gère les utilisateurs de la structure ; vous en devenez gestionnaire."
            label="Nouveau référent"
            action="Transférer mes droits"
            candidates={list.filter((member) => member.role === 'gestionnaire')}
            empty="Ajoutez d’abord un gestionnaire : seuls les gestionnaires peuvent devenir référents."
            disabled={offline || change.isPending}
            onAct={(member) =>
              confirm(
                { kind: 'transfer', member },
                'Transférer mes droits',
                `${fullName(member)} deviendra le référent de la structure et vous en deviendrez gestionnaire : vous ne pourrez plus gérer ses utilisateurs.`,
                'Confirmer le transfert',
              )
            }
          />
        </>
      )}
    </Stack>
  );
}

/** "Mon compte › Utilisateurs de ma structure": the référent's page only. */
export function MembersPage() {
  usePageTitle('Utilisateurs de ma structure');
  const { user } = useSignedInSession();
  const [transferredTo, setTransferredTo] = useState<LocalMember | null>(null);
  if (user.role !== 'referent') {
    // Right after a transfer made here, the former référent reads what happened instead.
    const notice: HomeNotice = {
      notice: transferredTo
        ? `Vos droits ont été transférés à ${fullName(transferredTo)}, nouveau référent de la structure. Vous en êtes désormais gestionnaire.`
        : REFERENT_ONLY,
    };
    return <Navigate to="/" replace state={notice} />;
  }
  return <MembersManager onTransferred={setTransferredTo} />;
}
