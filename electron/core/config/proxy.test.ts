import { describe, expect, it } from 'vitest';
import type { ProxyLoginRequest } from '../../../shared/domain/proxy-login';
import { proxyLoginAnswerSchema } from '../../../shared/domain/proxy-login';
import { AppError } from '../../../shared/ipc/errors';
import { proxyRulesFor } from './proxy';
import { MAX_PROXY_ATTEMPTS, ProxyLoginBroker } from './proxy-login';

describe('proxyRulesFor', () => {
  it('uses the system settings, or the given proxy for everything but this machine', () => {
    expect(proxyRulesFor('system')).toEqual({ mode: 'system' });
    expect(proxyRulesFor('http://proxy.cfa.internal:3128/')).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.cfa.internal:3128',
      proxyBypassRules: '<local>',
    });
  });
});

describe('ProxyLoginBroker', () => {
  const challenge = { host: 'proxy.cfa.internal', port: 3128, realm: 'CFA' };

  function broker() {
    const asked: ProxyLoginRequest[] = [];
    return { asked, broker: new ProxyLoginBroker((request) => asked.push(request)) };
  }

  it('asks the window once for concurrent challenges and hands over the answer', async () => {
    const { asked, broker: b } = broker();
    const first = b.ask(challenge);
    const second = b.ask(challenge);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ host: 'proxy.cfa.internal', port: 3128, realm: 'CFA', retry: false });
    b.answer({ requestId: asked[0]!.requestId, username: 'jdupont', password: 'secret' });
    expect(await first).toEqual({ username: 'jdupont', password: 'secret' });
    expect(await second).toEqual({ username: 'jdupont', password: 'secret' });
  });

  it('says when earlier credentials were refused, and stops after a few attempts', async () => {
    const { asked, broker: b } = broker();
    for (let attempt = 1; attempt <= MAX_PROXY_ATTEMPTS; attempt++) {
      const answer = b.ask(challenge);
      expect(asked.at(-1)?.retry).toBe(attempt > 1);
      b.answer({ requestId: asked.at(-1)!.requestId, username: 'jdupont', password: 'faux' });
      await answer;
    }
    expect(await b.ask(challenge)).toBeNull();
    expect(asked).toHaveLength(MAX_PROXY_ATTEMPTS);
    b.reset();
    void b.ask(challenge);
    expect(asked).toHaveLength(MAX_PROXY_ATTEMPTS + 1);
  });

  it('« Annuler » gives up without asking again', async () => {
    const { asked, broker: b } = broker();
    const answer = b.ask(challenge);
    b.answer({ requestId: asked[0]!.requestId, cancel: true });
    expect(await answer).toBeNull();
    expect(await b.ask(challenge)).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it('refuses an answer nobody asked for', () => {
    expect(() => broker().broker.answer({ requestId: 'x', cancel: true })).toThrow(AppError);
  });

  it('validates the answer with French messages naming the field', () => {
    const parsed = proxyLoginAnswerSchema.safeParse({ requestId: 'r', username: ' ', password: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining(['Identifiant : saisissez votre identifiant.']),
    );
  });
});
