import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { OETH_SENTENCE } from '../../../shared/domain/applications';
import { HandicapPictogram } from '../offers/HandicapPictogram';

/** A candidate's name (text or link), with the OETH pictogram and its sentence when declared. */
export function CandidateName({ oeth, children }: { oeth: boolean | undefined; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      {children}
      {oeth && <HandicapPictogram label={OETH_SENTENCE} />}
    </Group>
  );
}
