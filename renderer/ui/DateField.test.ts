// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DateField, FrenchDates } from './DateField';

beforeAll(() => {
  // What Mantine asks of a browser and jsdom lacks.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

/** A field as a form holds it, with the value the form last received. */
function renderField(initial: string) {
  const seen: string[] = [];
  function Form() {
    const [value, setValue] = useState(initial);
    return createElement(DateField, {
      label: 'Date de début',
      value,
      onChange: (day: string) => {
        seen.push(day);
        setValue(day);
      },
    });
  }
  render(createElement(MantineProvider, null, createElement(FrenchDates, null, createElement(Form))));
  return { input: screen.getByRole('textbox', { name: 'Date de début' }), seen };
}

describe('DateField', () => {
  it('shows an ISO value as JJ/MM/AAAA', () => {
    const { input } = renderField('2027-01-15');
    expect(input).toHaveProperty('value', '15/01/2027');
  });

  it('gives the form the ISO day typed, and shows it in full once left', async () => {
    const user = userEvent.setup();
    const { input, seen } = renderField('');
    await user.type(input, '7/1/2027');
    expect(seen.at(-1)).toBe('2027-01-07');
    await user.tab();
    expect(input).toHaveProperty('value', '07/01/2027');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('empties the value of a day that does not exist and says why once left, keeping the text', async () => {
    const user = userEvent.setup();
    const { input, seen } = renderField('2027-01-15');
    await user.clear(input);
    await user.type(input, '29/02/2027');
    expect(seen.at(-1)).toBe('');
    // Not while typing.
    expect(screen.queryByText(/n’existe pas/)).toBeNull();
    await user.tab();
    expect(input).toHaveProperty('value', '29/02/2027');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText('Le 29/02/2027 n’existe pas : vérifiez le jour et le mois (JJ/MM/AAAA).');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
  });

  it('takes a leap day and clears the error when corrected', async () => {
    const user = userEvent.setup();
    const { input, seen } = renderField('');
    await user.type(input, '29/02/2027');
    await user.tab();
    expect(screen.getByText(/n’existe pas/)).toBeTruthy();
    await user.clear(input);
    await user.type(input, '29022028');
    expect(seen.at(-1)).toBe('2028-02-29');
    await user.tab();
    expect(input).toHaveProperty('value', '29/02/2028');
    expect(screen.queryByText(/n’existe pas/)).toBeNull();
  });

  it('an emptied field is empty for the form', async () => {
    const user = userEvent.setup();
    const { input, seen } = renderField('2027-01-15');
    await user.clear(input);
    expect(seen.at(-1)).toBe('');
    await user.tab();
    expect(input).toHaveProperty('value', '');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
  });
});
