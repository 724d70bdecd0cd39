import { Tooltip } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { HANDICAP_COMMITMENT } from '../../../shared/domain/offers';

/** Takes the tooltip's ref and hover handlers (React 19 passes `ref` as a prop). */
function Pictogram({
  decorative,
  label,
  ...props
}: { decorative: boolean; label: string } & ComponentPropsWithRef<'svg'>) {
  return (
    <svg
      {...props}
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label })}
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="var(--app-color-brand)"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      style={{ display: 'block', flexShrink: 0 }}
    >
      <circle cx="12" cy="4" r="2" fill="var(--app-color-brand)" />
      <path d="M12 7v6h5l2 6" />
      <path d="M12 10h4" />
      <path d="M9 10.5a5.5 5.5 0 1 0 7.2 7.2" />
    </svg>
  );
}

/**
 * The handicap commitment of an offer's employer (or, with the OETH sentence as `label`, a
 * candidate's declaration): a pictogram whose sentence is read by screen readers (its accessible
 * name) and shown on hover. `decorative` when the sentence is written beside it.
 */
export function HandicapPictogram({
  decorative = false,
  label = HANDICAP_COMMITMENT,
}: {
  decorative?: boolean;
  label?: string;
}) {
  if (decorative) return <Pictogram decorative label={label} />;
  return (
    <Tooltip label={label} multiline w={260} withArrow>
      <Pictogram decorative={false} label={label} />
    </Tooltip>
  );
}
