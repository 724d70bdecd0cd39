import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Read-only label / value pairs as a description list. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <Box
      component="dl"
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(12rem, max-content) 1fr',
        gap: '0.5rem 1.5rem',
        margin: 0,
      }}
    >
      {items.map((item) => (
        <Box key={item.label} style={{ display: 'contents' }}>
          <Text component="dt" fw={600} size="sm">
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {item.value === null || item.value === undefined || item.value === ''
              ? 'Non renseigné'
              : item.value}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
