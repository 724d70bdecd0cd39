import { DEMO } from './data';

/** The platform's REST API, used by specs to check or change what the platform holds. */
export async function platformAs(platformUrl: string, mail = DEMO.mail, password = DEMO.password) {
  const api = (path: string) => `${platformUrl}/api/v1${path}`;
  const login = await fetch(api('/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mail, password }),
  });
  if (!login.ok) throw new Error(`connexion à la plateforme impossible (${login.status})`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { Authorization: `Bearer ${accessToken}` };
  return {
    async structure(): Promise<Record<string, unknown> & { version: number }> {
      const response = await fetch(api('/structure'), { headers: auth });
      return (await response.json()) as Record<string, unknown> & { version: number };
    },
    /** Another user's edit, straight on the platform. */
    async editStructure(patch: Record<string, unknown>): Promise<void> {
      const { version } = await this.structure();
      const response = await fetch(api('/structure'), {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
        body: JSON.stringify(patch),
      });
      if (!response.ok) throw new Error(`modification refusée (${response.status})`);
    },
    async members(): Promise<Array<{ id: string; mail: string; role: string }>> {
      const response = await fetch(api('/structure/members'), { headers: auth });
      if (!response.ok) throw new Error(`liste des utilisateurs refusée (${response.status})`);
      return (await response.json()) as Array<{ id: string; mail: string; role: string }>;
    },
    /** The référent's approval of a pending collaborator, made from another desktop. */
    async approve(mail: string): Promise<void> {
      const member = (await this.members()).find((m) => m.mail === mail);
      if (!member) throw new Error(`${mail} ne figure pas parmi les utilisateurs de la structure`);
      const response = await fetch(api(`/structure/members/${member.id}/approve`), {
        method: 'POST',
        headers: auth,
      });
      if (!response.ok) throw new Error(`validation refusée (${response.status})`);
    },
    /** The référent hands over their rights from another desktop. */
    async transfer(mail: string): Promise<void> {
      const member = (await this.members()).find((m) => m.mail === mail);
      if (!member) throw new Error(`${mail} ne figure pas parmi les utilisateurs de la structure`);
      const response = await fetch(api('/structure/transfer'), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId: member.id }),
      });
      if (!response.ok) throw new Error(`transfert refusé (${response.status})`);
    },
    async remove(mail: string): Promise<void> {
      const member = (await this.members()).find((m) => m.mail === mail);
      if (!member) throw new Error(`${mail} ne figure pas parmi les utilisateurs de la structure`);
      const response = await fetch(api(`/structure/members/${member.id}`), {
        method: 'DELETE',
        headers: auth,
      });
      if (!response.ok) throw new Error(`retrait refusé (${response.status})`);
    },
  };
}
