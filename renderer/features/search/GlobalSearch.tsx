import { Box, Button, Input, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchKindLabels, type SearchHit } from '../../../shared/domain/global-search';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { plural } from '../../ui/plural';
import { hitPath } from './hitPath';

const LIST_ID = 'global-search-results';
const hitId = (index: number) => `global-search-hit-${index}`;

function useGlobalSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.globalSearchFor(q),
    queryFn: () => call('search.global', { q }),
    enabled: q !== '',
    // The previous results stay while the next letter is searched.
    placeholderData: keepPreviousData,
  });
}

/** The header's way in, for those who do not know the shortcut. */
export function GlobalSearchButton() {
  return (
    <Button variant="default" onClick={spotlight.open} aria-keyshortcuts="Control+K Meta+K">
      Rechercher… (Ctrl+K)
    </Button>
  );
}

/**
 * The global search (Ctrl+K / Cmd+K anywhere, or the header's button): what is cached on this
 * desktop, found as the user types, offline too, grouped by kind. The arrows move through the
 * results and Enter opens one; the focus stays in the text box (a combobox and its listbox, with
 * aria-activedescendant).
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 150);
  const search = useGlobalSearch(q);
  const groups = q === '' ? [] : (search.data?.groups ?? []).filter((group) => group.hits.length > 0);
  const hits = groups.flatMap((group) => group.hits);
  const [active, setActive] = useState(0);
  const [shownResults, setShownResults] = useState(search.data);
  // New results: the first one is the one Enter opens.
  if (shownResults !== search.data) {
    setShownResults(search.data);
    setActive(0);
  }
  const current = Math.min(active, hits.length - 1);
  // The results shown are those of what is typed: not the previous query's, kept while the
  // debounce runs and the next search answers, nor none yet.
  const settled = q === query.trim() && (q === '' || !search.isPending) && !search.isPlaceholderData;
  // Enter pressed before that: the first result of what was typed opens when it comes.
  const openWhenSettled = useRef(false);

  useEffect(() => {
    if (current >= 0) document.getElementById(hitId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const open = (hit: SearchHit) => {
    spotlight.close();
    void navigate(hitPath(hit));
  };
  const changeQuery = (next: string) => {
    // Typing on (or closing, which empties it): that Enter was for other text.
    openWhenSettled.current = false;
    setQuery(next);
  };

  useEffect(() => {
    if (!openWhenSettled.current || !settled) return;
    openWhenSettled.current = false;
    const hit = hits[current];
    if (hit) open(hit);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[current];
      if (!settled) openWhenSettled.current = true;
      else if (hit) open(hit);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && hits.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + hits.length) % hits.length);
    }
  };

  // Where each group's results start in the one list the arrows go through.
  const starts = groups.map((_, at) =>
    groups.slice(0, at).reduce((sum, group) => sum + group.hits.length, 0),
  );
  return (
    <Spotlight.Root
      query={query}
      onQueryChange={changeQuery}
      // Anywhere: in a text field too.
      tagsToIgnore={[]}
      title="Recherche sur ce poste"
      styles={{
        header: { padding: 'var(--mantine-spacing-sm) var(--mantine-spacing-md) 0' },
      }}
    >
      <Box p="sm">
        <Input
          size="lg"
          data-autofocus
          aria-label="Rechercher sur ce poste"
          aria-describedby="global-search-help"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls={hits.length > 0 ? LIST_ID : undefined}
          aria-activedescendant={current >= 0 ? hitId(current) : undefined}
          placeholder="Offre, employeur, candidat, profil…"
          value={query}
          onChange={(event) => changeQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <Text id="global-search-help" size="xs" c="dimmed" mt={4}>
          Offres, employeurs, candidatures et profils enregistrés sur ce poste, même hors ligne. Flèches pour
          choisir, Entrée pour ouvrir.
        </Text>
      </Box>
      <div className="visually-hidden" role="status" aria-live="polite">
        {q !== '' && search.data ? plural(hits.length, 'résultat', 'résultats') : ''}
      </div>
      {q !== '' && search.error && (
        <Box p="sm">
          <ErrorAlert message={messageOf(search.error)} />
        </Box>
      )}
      {q !== '' && search.data && !search.isPlaceholderData && hits.length === 0 && (
        <Text size="sm" p="md" ta="center">
          Aucun résultat sur ce poste pour « {q} ».
        </Text>
      )}
      {hits.length > 0 && (
        <ScrollArea.Autosize
          mah={420}
          type="auto"
          // The results are reached from the text box; the list itself scrolls from the keyboard too,
          // a named stop on the way (axe: scrollable-region-focusable).
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Résultats' }}
        >
          <Box id={LIST_ID} role="listbox" aria-label="Résultats de la recherche" p={4}>
            {groups.map((group, groupAt) => (
              <Box key={group.kind} role="group" aria-labelledby={`global-search-${group.kind}`} mb="xs">
                <Text
                  id={`global-search-${group.kind}`}
                  size="xs"
                  fw={700}
                  tt="uppercase"
                  c="dimmed"
                  px="md"
                  py={4}
                >
                  {searchKindLabels[group.kind]}
                </Text>
                {group.hits.map((hit, hitAt) => {
                  const at = (starts[groupAt] ?? 0) + hitAt;
                  return (
                    // Not Spotlight.Action: it drops the id aria-activedescendant points to.
                    <NavLink
                      key={`${hit.kind}-${hit.id}`}
                      component="div"
                      id={hitId(at)}
                      role="option"
                      aria-selected={at === current}
                      active={at === current}
                      label={hit.title}
                      description={hit.detail}
                      // The chosen row's tinted second line falls short of WCAG AA's 4.5:1.
                      styles={{ description: { color: 'var(--mantine-color-text)' } }}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseEnter={() => setActive(at)}
                      onClick={() => open(hit)}
                    />
                  );
                })}
              </Box>
            ))}
          </Box>
        </ScrollArea.Autosize>
      )}
    </Spotlight.Root>
  );
}
