import { classifySearch, licensePath } from './globalSearch';

describe('the header search tells a License ID from text', () => {
  it.each([
    ['ENT-202612-000001', 'ENT-202612-000001'],
    ['PRO-202701-000123', 'PRO-202701-000123'],
    ['  ent-202612-000001 ', 'ENT-202612-000001'],
  ])('opens %j as license %s', (input, id) => {
    expect(classifySearch(input)).toEqual({ kind: 'license', id });
  });

  it.each([
    ['Blue Harbor', 'Blue Harbor'],
    ['erin@delms.example', 'erin@delms.example'],
    ['ENT-2026', 'ENT-2026'],
    ['ENT-202612-00001', 'ENT-202612-00001'],
    ['XYZ-202612-000001', 'XYZ-202612-000001'],
    ['ENT-202612-000001x', 'ENT-202612-000001x'],
    ['  acme  ', 'acme'],
  ])('searches %j as text %j', (input, q) => {
    expect(classifySearch(input)).toEqual({ kind: 'text', q });
  });

  it('waits for enough to search', () => {
    expect(classifySearch('')).toEqual({ kind: 'empty' });
    expect(classifySearch('   ')).toEqual({ kind: 'empty' });
    expect(classifySearch('a')).toEqual({ kind: 'short', text: 'a' });
  });

  it('caps very long text', () => {
    const result = classifySearch('x'.repeat(500));
    expect(result.kind === 'text' && result.q.length).toBe(100);
  });

  it('links a license by its id', () => {
    expect(licensePath('ENT-202612-000001')).toBe('/licenses/ENT-202612-000001');
  });
});
