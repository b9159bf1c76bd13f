// Turns a validation issue into a code and its limits, so the web app can say what is wrong in
// the user's own language ("Må være minst 10 tegn") rather than showing the English message.
export interface IssueCode { code: string; params?: Record<string, string | number> }

export function issueCode(keyword: string, message: string, params: Record<string, unknown>): IssueCode {
  const origin = params.origin;
  const limit = (key: 'minimum' | 'maximum') => (typeof params[key] === 'number' || typeof params[key] === 'bigint' ? Number(params[key]) : undefined);
  switch (keyword) {
    case 'invalid_type':
      if (/received undefined$/.test(message)) return { code: 'required' };
      if (params.expected === 'int') return { code: 'not_integer' };
      return { code: 'invalid_type' };
    case 'too_small': {
      const minimum = limit('minimum');
      if (origin === 'string') return minimum === 1 ? { code: 'required' } : { code: 'too_short', params: { minimum: minimum ?? 0 } };
      return { code: 'too_small', params: { minimum: minimum ?? 0 } };
    }
    case 'too_big': {
      const maximum = limit('maximum');
      return { code: origin === 'string' ? 'too_long' : 'too_big', params: { maximum: maximum ?? 0 } };
    }
    case 'invalid_value': return { code: 'invalid_option' };
    case 'invalid_format': return { code: params.format === 'email' ? 'invalid_email' : 'invalid_format' };
    case 'custom': {
      // A rule's own code, and what its sentence names (a date it is out of order with), beside it.
      const { code: custom, ...named } = (params.params as Record<string, unknown> | undefined) ?? {};
      const shown = Object.fromEntries(Object.entries(named).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
      return { code: typeof custom === 'string' ? custom : 'invalid', ...(Object.keys(shown).length ? { params: shown } : {}) };
    }
    default: return { code: keyword };
  }
}
