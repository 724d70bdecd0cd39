import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a "Détails" page: a region named by its h2 (screen readers list it). */
export function SectionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}
