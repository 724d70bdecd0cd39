import { randomUUID } from 'node:crypto';
import type { Company } from '../../shared/domain/company';
import type { Alert } from '../../shared/domain/alerts';
import type { Application } from '../../shared/domain/applications';
import type { Employer } from '../../shared/domain/employers';
import type { Offer } from '../../shared/domain/offers';
import { CONTACT, DEMO, DIRECTORY_SIRETS } from './data';

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
    /** The structure's partner employers as the platform holds them (accepted and refused). */
    async employers(): Promise<Employer[]> {
      const response = await fetch(api('/employers'), { headers: auth });
      if (!response.ok) throw new Error(`liste des employeurs refusée (${response.status})`);
      return (await response.json()) as Employer[];
    },
    /** `count` active establishments of the directory that are not partners of the structure yet. */
    async freeSirets(count: number): Promise<string[]> {
      const partners = new Set((await this.employers()).map((employer) => employer.siret));
      const free = DIRECTORY_SIRETS.filter((siret) => !partners.has(siret)).slice(0, count);
      if (free.length < count) throw new Error(`pas assez d’établissements libres (${free.length}/${count})`);
      return free;
    },
    /** "Ajouter un employeur" made from another desktop: the platform accepts it at once. */
    async addEmployer(siret: string): Promise<Employer> {
      const response = await fetch(api('/employers'), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({
          id: randomUUID(),
          siret,
          contactLastName: CONTACT.lastName,
          contactFirstName: CONTACT.firstName,
          contactMail: CONTACT.mail,
          contactPhone: '+33559123456',
        }),
      });
      if (!response.ok) throw new Error(`ajout de l’employeur refusé (${response.status})`);
      return (await response.json()) as Employer;
    },
    /** An accepted partner of the structure: one of the seed's, or one added now. */
    async acceptedEmployer(): Promise<Employer> {
      const accepted = (await this.employers()).find((employer) => employer.status === 'acceptee');
      if (accepted) return accepted;
      const [siret] = await this.freeSirets(1);
      const added = await this.addEmployer(siret!);
      if (added.status !== 'acceptee') throw new Error(`employeur refusé : ${added.refusalReason}`);
      return added;
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
    /** The structure's offers as the platform holds them. */
    async offers(): Promise<Offer[]> {
      const response = await fetch(api('/offers'), { headers: auth });
      if (!response.ok) throw new Error(`liste des offres refusée (${response.status})`);
      return (await response.json()) as Offer[];
    },
    /** How many applications the platform holds in this status. */
    async applicationCount(status: string): Promise<number> {
      const response = await fetch(api(`/applications?status=${status}`), { headers: auth });
      if (!response.ok) throw new Error(`liste des candidatures refusée (${response.status})`);
      return ((await response.json()) as { total: number }).total;
    },
    /** One application as the platform holds it. */
    async application(id: string): Promise<Application> {
      const response = await fetch(api(`/applications/${id}`), { headers: auth });
      if (!response.ok) throw new Error(`candidature ${id} introuvable (${response.status})`);
      return (await response.json()) as Application;
    },
    /** The structure's alerts not dismissed (`GET /alerts`). */
    async alerts(): Promise<Alert[]> {
      const response = await fetch(api('/alerts'), { headers: auth });
      if (!response.ok) throw new Error(`liste des alertes refusée (${response.status})`);
      return ((await response.json()) as { alerts: Alert[] }).alerts;
    },
  };
}

/** The public company directory (`GET /companies/{siret}`). */
export async function directoryEntry(platformUrl: string, siret: string): Promise<Company> {
  const response = await fetch(`${platformUrl}/api/v1/companies/${siret}`);
  if (!response.ok) throw new Error(`établissement ${siret} introuvable (${response.status})`);
  return (await response.json()) as Company;
}
