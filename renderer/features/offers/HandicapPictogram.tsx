import { Tooltip } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { HANDICAP_COMMITMENT } from '../../../shared/domain/offers';

/** Takes the tooltip's ref and hover handlers (React 19 passes `ref` as a prop). */
function Pictogram({ decorative, ...props }: { decorative: boolean } & ComponentPropsWithRef<'svg'>) {
  return (
    <svg
      {...props}
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': HANDICAP_COMMITMENT })}
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="var(--mantine-color-blue-9)"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      style={{ display: 'block', flexShrink: 0 }}
    >
      <circle cx="12" cy="4" r="2" fill="var(--mantine-color-blue-9)" />
      <path d="M12 7v6h5l2 6" />
      <path d="M12 10h4" />
      <path d="M9 10.5a5.5 5.5 0 1 0 7.2 7.2" />
    </svg>
  );
}

/**
 * The handicap commitment of an offer's employer: a pictogram whose sentence is read by screen
 * readers (its accessible name) and shown on hover. `decorative` when the sentence is written
 * beside it.
 */
export function HandicapPictogram({ decorative = false }: { decorative?: boolean }) {
  if (decorative) return <Pictogram decorative />;
  return (
    <Tooltip label={HANDICAP_COMMITMENT} multiline w={260} withArrow>
      <Pictogram decorative={false} />
    </Tooltip>
  );
}
