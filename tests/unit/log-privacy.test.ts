import { describe, expect, it, vi } from 'vitest';
import { getJson, loggablePath } from '@/utils/history/http';

describe('what Kept logs of a helpdesk request', () => {
  it.each([
    ['/api/v2/contacts?email=zoe%40fabrikam.com&page=2', '/api/v2/contacts'],
    ['/contacts/alt:email:zoe@fabrikam.com/conversations', '/contacts/alt:email:[email]/conversations'],
    ['/api/v2/users/3712/tickets/requested.json', '/api/v2/users/3712/tickets/requested.json'],
  ])('logs %j as %j', (path, logged) => {
    expect(loggablePath(path)).toBe(logged);
  });

  it('names no customer email when a helpdesk answers a lookup by email with broken JSON', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = { status: 200, contentType: 'application/json', body: '{"contacts": [' };
    const result = await getJson(
      async () => reply,
      '/contacts/alt:email:zoe@fabrikam.com/conversations?limit=5',
      'Front',
      Date.now,
      'token',
    );
    expect(result.ok).toBe(false);
    expect(warn).toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain('zoe@fabrikam.com');
  });
});
