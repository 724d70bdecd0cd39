import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePlatform } from './test-support';

let doc: {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<
    string,
    Record<string, { security?: unknown[]; requestBody?: unknown; responses?: Record<string, unknown> }>
  >;
};

const platform = usePlatform();

beforeAll(async () => {
  const response = await platform().app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  doc = response.json();
});

/** The documented operations, as "METHOD /path" relative to the server URL. */
function operations(): string[] {
  return Object.entries(doc.paths).flatMap(([route, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
  );
}

function operation(method: string, route: string) {
  const found = doc.paths[route]?.[method];
  if (!found) throw new Error(`${method} ${route} absent du document`);
  return found;
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('lists every route of the API, relative to the /api/v1 server', () => {
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(operations().sort()).toEqual(
      [
        'POST /auth/register',
        'POST /auth/login',
        'POST /auth/refresh',
        'POST /auth/logout',
        'GET /me',
        'PATCH /me',
        'DELETE /me',
        'POST /me/mail',
        'POST /me/password',
        'GET /me/export',
        'GET /companies/{siret}',
        'POST /structure',
        'GET /structure',
        'PATCH /structure',
        'GET /structure/request',
        'DELETE /structure/request',
        'GET /structure/members',
        'POST /structure/members/{userId}/approve',
        'DELETE /structure/members/{userId}',
        'POST /structure/transfer',
        'GET /observation-hosts',
        'GET /sync/changes',
        'POST /sync/push',
        'GET /sync/snapshot',
        'GET /sync/stream',
        'GET /health',
        'GET /referentials/rome',
        'GET /referentials/diplomas',
        'GET /referentials/communes',
        'GET /referentials/naf',
        'GET /employers',
        'POST /employers',
        'GET /employers/{id}',
        'PATCH /employers/{id}',
        'GET /offers',
        'POST /offers',
        'GET /offers/{id}',
        'PATCH /offers/{id}',
        'POST /offers/{id}/duplicate',
        'GET /offers/public',
        'GET /offers/france-travail-export',
        'GET /applications',
        'GET /applications/{id}',
        'PATCH /applications/{id}',
        'POST /applications/{id}/reply',
        'GET /profiles',
        'GET /profiles/{id}',
        'POST /profiles/{id}/contact',
        'PUT /favorites/{profileId}',
        'DELETE /favorites/{profileId}',
        'GET /alerts',
        'PATCH /alerts/{id}',
        'POST /candidates/register',
        'POST /candidates/login',
        'POST /candidate/profiles',
        'GET /candidate/profiles',
        'DELETE /candidate/profiles/{id}',
        'POST /candidate/applications',
        'GET /candidate/notifications',
        'DELETE /candidate/account',
      ].sort(),
    );
  });

  it('gives paths that, joined to the server URL, reach real routes', async () => {
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const url = `${doc.servers![0]!.url}${route
          .replace('{siret}', '92193444400016')
          .replace('{userId}', '00000000-0000-4000-8000-000000000000')
          .replace('{profileId}', '00000000-0000-4000-8000-000000000000')
          .replace('{id}', '00000000-0000-4000-8000-000000000000')}`;
        const response = await platform().app.inject({
          method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
          url,
          ...(method === 'get' ? {} : { payload: {} }),
        });
        expect(response.statusCode, `${method} ${url}`).not.toBe(404);
      }
    }
  });

  it('marks the protected routes with the bearer scheme, and not the public ones', () => {
    for (const [method, route] of [
      ['get', '/me'],
      ['patch', '/me'],
      ['post', '/structure'],
      ['get', '/structure'],
      ['patch', '/structure'],
      ['get', '/sync/changes'],
      ['post', '/sync/push'],
      ['get', '/sync/snapshot'],
      ['delete', '/me'],
      ['post', '/me/mail'],
      ['post', '/me/password'],
      ['get', '/me/export'],
      ['get', '/structure/request'],
      ['delete', '/structure/request'],
      ['get', '/structure/members'],
      ['post', '/structure/members/{userId}/approve'],
      ['delete', '/structure/members/{userId}'],
      ['post', '/structure/transfer'],
      ['get', '/employers'],
      ['post', '/employers'],
      ['get', '/employers/{id}'],
      ['patch', '/employers/{id}'],
      ['get', '/offers'],
      ['post', '/offers'],
      ['get', '/offers/{id}'],
      ['patch', '/offers/{id}'],
      ['post', '/offers/{id}/duplicate'],
      ['get', '/offers/public'],
      ['get', '/offers/france-travail-export'],
      ['get', '/applications'],
      ['get', '/applications/{id}'],
      ['patch', '/applications/{id}'],
      ['post', '/applications/{id}/reply'],
      ['get', '/profiles'],
      ['get', '/profiles/{id}'],
      ['post', '/profiles/{id}/contact'],
      ['put', '/favorites/{profileId}'],
      ['delete', '/favorites/{profileId}'],
      ['get', '/alerts'],
      ['patch', '/alerts/{id}'],
      ['post', '/candidate/profiles'],
      ['get', '/candidate/profiles'],
      ['delete', '/candidate/profiles/{id}'],
      ['post', '/candidate/applications'],
      ['get', '/candidate/notifications'],
      ['delete', '/candidate/account'],
    ] as const) {
      expect(operation(method, route).security, `${method} ${route}`).toEqual([{ bearerAuth: [] }]);
    }
    expect(operation('get', '/companies/{siret}').security).toBeUndefined();
    expect(operation('get', '/observation-hosts').security).toBeUndefined();
    expect(operation('post', '/auth/login').security).toBeUndefined();
    expect(operation('post', '/candidates/register').security).toBeUndefined();
    expect(operation('post', '/candidates/login').security).toBeUndefined();
    for (const name of ['rome', 'diplomas', 'communes', 'naf']) {
      expect(operation('get', `/referentials/${name}`).security, name).toBeUndefined();
    }
  });

  it('documents the request bodies', () => {
    expect(operation('post', '/auth/register').requestBody).toBeDefined();
    expect(operation('patch', '/structure').requestBody).toBeDefined();
    expect(operation('post', '/me/password').requestBody).toBeDefined();
    expect(operation('delete', '/me').requestBody).toBeDefined();
    expect(operation('post', '/structure/transfer').requestBody).toBeDefined();
    expect(operation('post', '/employers').requestBody).toBeDefined();
    expect(operation('post', '/offers').requestBody).toBeDefined();
    expect(operation('patch', '/offers/{id}').requestBody).toBeDefined();
    expect(operation('post', '/applications/{id}/reply').requestBody).toBeDefined();
    expect(operation('patch', '/applications/{id}').requestBody).toBeDefined();
    expect(operation('post', '/profiles/{id}/contact').requestBody).toBeDefined();
    expect(operation('patch', '/alerts/{id}').requestBody).toBeDefined();
    expect(operation('post', '/sync/push').requestBody).toBeDefined();
    expect(operation('post', '/candidates/register').requestBody).toBeDefined();
    expect(operation('post', '/candidate/profiles').requestBody).toBeDefined();
    expect(operation('post', '/candidate/applications').requestBody).toBeDefined();
  });

  it('documents the France Travail export format', () => {
    const description = JSON.stringify(operation('get', '/offers/france-travail-export'));
    expect(description).toContain('formatVersion');
    expect(description).toContain('generatedAt');
    expect(description).toContain('romeVersion');
  });

  it('documents both answers of POST /structure: 201 created and 202 pending', () => {
    expect(Object.keys(operation('post', '/structure').responses ?? {})).toEqual(
      expect.arrayContaining(['201', '202']),
    );
  });
});
