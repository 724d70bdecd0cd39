import { applicationFromColumns } from '../../shared/db/application-rows';
import type { Application, ApplicationEvent } from '../../shared/domain/applications';
import type { ApplicationsTable } from '../db/schema';

/** An application as the API and the feed carry it (the desktop's cache maps the same columns). */
export function toApplication(row: ApplicationsTable): Application {
  return applicationFromColumns(row);
}

/** The `history` column with one more event. */
export function withEvent(row: Pick<ApplicationsTable, 'history'>, event: ApplicationEvent): string {
  return JSON.stringify([...(JSON.parse(row.history) as ApplicationEvent[]), event]);
}

/** How staff are named in an application's history and on its reply: "Prénom Nom". */
export function memberName(member: { first_name: string; last_name: string }): string {
  return `${member.first_name} ${member.last_name}`;
}
