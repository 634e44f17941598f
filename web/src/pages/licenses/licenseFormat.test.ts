import { describe, expect, it } from 'vitest';
import {
  fieldLabel,
  isOver,
  operationsLink,
  parseUsageValue,
  timelineLabel,
  usageSeries,
  usageText,
  withoutIds,
} from './licenseFormat';

describe('usage against limits', () => {
  it('reads "used / limit" for users and workspaces', () => {
    expect(
      usageText({ usage: { users: 12, workspaces: 3 }, authorizedUsers: 20, authorizedWorkspaces: 5 }),
    ).toBe('12 / 20 users · 3 / 5 workspaces');
  });

  it('says nothing when no usage was reported', () => {
    expect(usageText({ usage: undefined, authorizedUsers: 20, authorizedWorkspaces: 5 })).toBeUndefined();
    expect(usageText({ usage: {}, authorizedUsers: 20, authorizedWorkspaces: 5 })).toBeUndefined();
  });

  it('is over only above the limit', () => {
    expect(isOver(21, 20)).toBe(true);
    expect(isOver(20, 20)).toBe(false);
    expect(isOver(5, undefined)).toBe(false);
    expect(isOver(undefined, 5)).toBe(false);
  });

  it('reads the change log usage values', () => {
    expect(parseUsageValue('workspaces=3, users=40, reportedAt=2026-12-07T00:35:32Z')).toEqual({
      users: 40,
      workspaces: 3,
    });
    expect(parseUsageValue('something else')).toBeUndefined();
    expect(parseUsageValue(undefined)).toBeUndefined();
  });

  it('orders the history oldest first per measure', () => {
    const series = usageSeries(
      [
        { reportedAt: '2026-12-07T10:00:00Z', users: 5, workspaces: 1 },
        { reportedAt: '2026-12-05T10:00:00.123456Z', users: 3 },
        { users: 9 },
      ],
      'workspaces',
    );
    expect(series).toEqual([{ at: '2026-12-07T10:00:00Z', value: 1 }]);
    expect(
      usageSeries(
        [
          { reportedAt: '2026-12-07T10:00:00Z', users: 5 },
          { reportedAt: '2026-12-05T10:00:00.5Z', users: 3 },
        ],
        'users',
      ).map((p) => p.value),
    ).toEqual([3, 5]);
  });
});

describe('readable text', () => {
  it('takes technical ids out of the services’ sentences', () => {
    expect(withoutIds('deployment 665ebd92-d9a9-4bca-a169-4a13490f8d7e completed')).toBe(
      'deployment completed',
    );
    expect(withoutIds('first usage report')).toBe('first usage report');
    expect(withoutIds(undefined)).toBe('');
  });

  it('labels timeline entries and fields, and shows unknown ones as they are', () => {
    expect(timelineLabel('FIRST_USE')).toBe('First use');
    expect(timelineLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(timelineLabel(undefined)).toBe('Event');
    expect(fieldLabel('authorizedUsers')).toBe('Authorized users');
    expect(fieldLabel('colour')).toBe('colour');
  });

  it('links to the operations center for one license and action', () => {
    expect(operationsLink('ENT-202612-000001', 'purchase')).toBe(
      '/operations?license=ENT-202612-000001&action=purchase',
    );
  });
});
