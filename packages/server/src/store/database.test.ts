// The database URL as the start-up log shows it: never the password, wherever the URL carries it.
import { describe, expect, it } from 'vitest';
import { maskedDatabaseUrl } from './database.js';

describe('maskedDatabaseUrl', () => {
  const cases: Array<[url: string, masked: string, secret?: string]> = [
    ['postgres://u:p@ss@w0rd@host/db', 'postgres://u:***@host/db', 'w0rd'],
    ['postgres://u:pa%40ss@host:5433/db', 'postgres://u:***@host:5433/db', 'pa%40ss'],
    ['postgres://u@host/db?password=secret', 'postgres://u@host/db?password=***', 'secret'],
    ['postgresql://u:one@host/db?sslmode=require&password=two&sslpassword=three', 'postgresql://u:***@host/db?sslmode=require&password=***&sslpassword=***'],
    ['postgres:///varde?host=/var/run/postgresql&PASSWORD=x%20y', 'postgres:///varde?host=%2Fvar%2Frun%2Fpostgresql&PASSWORD=***', 'x%20y'],
    ['postgres://postgres@127.0.0.1:5432/varde_dev', 'postgres://postgres@127.0.0.1:5432/varde_dev'],
    ['postgres://u:p:w@host/db', 'postgres://u:***@host/db', 'p:w'],
  ];
  it.each(cases)('masks %s', (url, masked, secret) => {
    expect(maskedDatabaseUrl(url)).toBe(masked);
    for (const part of [secret, 'secret', 'two', 'three', 'one'].filter(Boolean)) expect(maskedDatabaseUrl(url)).not.toContain(part);
  });

  it('shows nothing of a URL it cannot parse', () => {
    for (const url of ['postgres://u:p/ss@host/db', 'postgres://u:secret@[bad/db', 'not a url with secret']) {
      const shown = maskedDatabaseUrl(url);
      expect(shown).not.toMatch(/secret|ss@/);
      expect(shown).toBe('(a database URL that cannot be parsed)');
    }
  });
});
