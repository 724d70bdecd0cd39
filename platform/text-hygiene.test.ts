import { describe, expect, it } from 'vitest';
import { apiCaller, expectProblem, newSignedInAccount, usePlatform } from './test-support';

// Free text with NUL bytes, control characters or lone surrogates is refused, naming the field,
// by the same shared schemas that validate the desktop's IPC calls (shared/domain/fields.ts).

const platform = usePlatform();
const call = apiCaller(platform);

describe('text hygiene on the platform', () => {
  it.each([
    ['a NUL byte', 'Cl\u0000aire'],
    ['a lone surrogate', 'Cl\uD800aire'],
    ['a control character', 'Cl\u001Baire'],
  ])('refuses %s in « Prénom » with 400 naming the field, storing nothing', async (_, firstName) => {
    const me = await newSignedInAccount(platform());
    const response = await call('PATCH', '/me', me.token, { firstName }, { 'if-match': '"1"' });
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([
      { field: 'firstName', detail: 'Le champ « Prénom » contient un caractère invalide.' },
    ]);
    const stored = await platform()
      .db.selectFrom('users')
      .select('first_name')
      .where('id', '=', me.user.id)
      .executeTakeFirstOrThrow();
    expect(stored.first_name).toBe('Claire');
  });

  it('keeps well-formed characters beyond the BMP', async () => {
    const me = await newSignedInAccount(platform());
    const response = await call('PATCH', '/me', me.token, { firstName: 'Zoé 😀' }, { 'if-match': '"1"' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ firstName: 'Zoé 😀' });
  });
});
