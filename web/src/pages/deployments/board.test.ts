import { describe, expect, it } from 'vitest';
import { boardSearchParams, groupBoard, parseBoardPeriod } from './board';
import type { Deployment } from './deploymentFilters';

const LENA = '11111111-1111-4111-8111-111111111111';
const OMAR = '22222222-2222-4222-8222-222222222222';
const ANNA = '33333333-3333-4333-8333-333333333333';
const GONE = '44444444-4444-4444-8444-444444444444';

let n = 0;
function deployment(fields: Partial<Deployment>): Deployment {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    licenseId: `ENT-202612-${String(n).padStart(6, '0')}`,
    status: 'SCHEDULED',
    scheduledDate: '2026-12-10',
    ...fields,
  };
}

const engineers = [
  { id: OMAR, name: 'Omar Haddad', active: true },
  { id: LENA, name: 'lena Vogel', active: true },
  { id: ANNA, name: 'Anna Berg', active: true },
];

describe('groupBoard', () => {
  it('makes one column per engineer, by name, with the open deployments soonest first', () => {
    const late = deployment({ engineerId: LENA, scheduledDate: '2026-12-20' });
    const early = deployment({ engineerId: LENA, scheduledDate: '2026-12-01' });
    const running = deployment({ engineerId: OMAR, status: 'IN_PROGRESS', scheduledDate: '2026-11-28' });
    const columns = groupBoard([late, early, running], engineers);

    expect(columns.map((c) => c.name)).toEqual(['Anna Berg', 'lena Vogel', 'Omar Haddad']);
    expect(columns[1].cards.map((d) => d.id)).toEqual([early.id, late.id]);
    expect(columns[2].cards.map((d) => d.id)).toEqual([running.id]);
  });

  it('keeps free engineers as empty columns', () => {
    const columns = groupBoard([deployment({ engineerId: LENA })], engineers);
    expect(columns.find((c) => c.engineerId === ANNA)).toEqual({
      engineerId: ANNA,
      name: 'Anna Berg',
      active: true,
      cards: [],
    });
  });

  it('leaves out finished deployments and a deployment read twice', () => {
    const open = deployment({ engineerId: LENA });
    const columns = groupBoard(
      [
        open,
        { ...open },
        deployment({ engineerId: LENA, status: 'COMPLETED' }),
        deployment({ engineerId: LENA, status: 'FAILED' }),
        deployment({ engineerId: OMAR, status: 'CANCELLED' }),
      ],
      engineers,
    );
    expect(columns.find((c) => c.engineerId === LENA)?.cards).toEqual([open]);
    expect(columns.find((c) => c.engineerId === OMAR)?.cards).toEqual([]);
  });

  it('on the same day puts what is in progress first, then by License ID', () => {
    const b = deployment({ engineerId: LENA, licenseId: 'ENT-202612-000200', scheduledDate: '2026-12-05' });
    const a = deployment({ engineerId: LENA, licenseId: 'ENT-202612-000100', scheduledDate: '2026-12-05' });
    const running = deployment({
      engineerId: LENA,
      licenseId: 'ENT-202612-000300',
      scheduledDate: '2026-12-05',
      status: 'IN_PROGRESS',
    });
    const [column] = groupBoard([b, a, running]);
    expect(column.cards.map((d) => d.licenseId)).toEqual([
      'ENT-202612-000300',
      'ENT-202612-000100',
      'ENT-202612-000200',
    ]);
  });

  it('gives an engineer missing from the list (deactivated) a column named from the deployment', () => {
    const columns = groupBoard([deployment({ engineerId: GONE, engineerName: 'Zoe Past' })], engineers);
    expect(columns.at(-1)).toMatchObject({ engineerId: GONE, name: 'Zoe Past', active: true });
    const inactive = groupBoard(
      [deployment({ engineerId: GONE, engineerName: 'Zoe Past' })],
      [{ id: GONE, name: 'Zoe Past', active: false }],
    );
    expect(inactive).toEqual([expect.objectContaining({ engineerId: GONE, active: false })]);
  });

  it('puts deployments of unknown name and without engineer after the named columns, never using an id as name', () => {
    const columns = groupBoard([
      deployment({ engineerId: GONE }),
      deployment({ engineerId: undefined }),
      deployment({ engineerId: LENA, engineerName: 'Lena Vogel' }),
    ]);
    expect(columns.map((c) => c.name)).toEqual(['Lena Vogel', undefined, undefined]);
    expect(columns.map((c) => c.engineerId)).toEqual([LENA, '', GONE]);
  });

  it('is empty without deployments or engineers', () => {
    expect(groupBoard([], [])).toEqual([]);
  });
});

describe('board period in the URL', () => {
  it('round-trips from and to, each end optional, the wrong way round swapped', () => {
    expect(parseBoardPeriod(new URLSearchParams('from=2026-12-01&to=2026-12-31'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(parseBoardPeriod(new URLSearchParams('to=2026-12-31&from=nope'))).toEqual({ to: '2026-12-31' });
    expect(parseBoardPeriod(new URLSearchParams('from=2026-12-31&to=2026-12-01'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(boardSearchParams({ from: '2026-12-01' }).toString()).toBe('from=2026-12-01');
    expect(boardSearchParams({}).toString()).toBe('');
  });
});
