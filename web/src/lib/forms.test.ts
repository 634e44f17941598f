import { QueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ApiError, type Problem } from '../api/problem';
import {
  classifyWriteError,
  feedbackFor,
  invalidateLicenseData,
  isConflict,
  isIdempotencyKeyReused,
  mapProblemToFields,
  newIdempotencyKey,
  optionalText,
  parseFieldPath,
  toIsoDate,
  transitionHints,
} from './forms';

const validation = (errors: Problem['errors'], status = 400): Problem => ({
  type: 'urn:delms:problem:validation',
  status,
  detail: 'The request is not valid.',
  errors,
});

describe('parseFieldPath', () => {
  it('reads plain, dotted and indexed paths, including Jackson’s `.[n]` form', () => {
    expect(parseFieldPath('authorizedUsers')).toEqual(['authorizedUsers']);
    expect(parseFieldPath('address.city')).toEqual(['address', 'city']);
    expect(parseFieldPath('skills[2]')).toEqual(['skills', 2]);
    expect(parseFieldPath('skills.[2]')).toEqual(['skills', 2]);
    expect(parseFieldPath('items[0].name')).toEqual(['items', 0, 'name']);
    expect(parseFieldPath('')).toEqual([]);
  });
});

describe('mapProblemToFields', () => {
  const registered = ['licenseId', 'workspaces', 'users', ['contact', 'email'], 'skills'];

  it('puts each field error beside its field, capitalised, several messages per field', () => {
    const mapped = mapProblemToFields(
      validation([
        { field: 'workspaces', message: 'must be greater than or equal to 0' },
        { field: 'users', message: 'must not be null' },
        { field: 'users', message: 'must be an integer' },
      ]),
      registered,
    );
    expect(mapped.fields).toEqual([
      { name: ['workspaces'], errors: ['Must be greater than or equal to 0'] },
      { name: ['users'], errors: ['Must not be null', 'Must be an integer'] },
    ]);
    expect(mapped.unmatched).toEqual([]);
  });

  it('matches nested fields exactly, or on the nearest enclosing field the form shows', () => {
    const mapped = mapProblemToFields(
      validation([
        { field: 'contact.email', message: 'must be a well-formed email address' },
        { field: 'skills.[2]', message: 'must not be blank' },
      ]),
      registered,
    );
    expect(mapped.fields).toEqual([
      { name: ['contact', 'email'], errors: ['Must be a well-formed email address'] },
      { name: ['skills'], errors: ['skills.[2]: must not be blank'] },
    ]);
  });

  it('sends fields the form does not show, and object-level errors, to the form-level list', () => {
    const mapped = mapProblemToFields(
      validation([
        { field: 'salesRepId', message: 'is not a known sales rep' },
        { field: 'newLicenseRequest', message: 'dates are inconsistent' },
        { field: 'workspaces', message: 'must be greater than 0' },
      ]),
      registered,
    );
    expect(mapped.fields).toEqual([{ name: ['workspaces'], errors: ['Must be greater than 0'] }]);
    expect(mapped.unmatched).toEqual([
      'salesRepId: is not a known sales rep',
      'newLicenseRequest: dates are inconsistent',
    ]);
  });

  it('follows aliases to the input that collects a value', () => {
    const mapped = mapProblemToFields(
      validation([
        { field: 'salesRepId', message: 'is not a known sales rep' },
        { field: 'to', message: 'must not be null' },
      ]),
      ['customerId', 'action'],
      { aliases: { salesRepId: 'customerId', to: 'action' } },
    );
    expect(mapped.fields).toEqual([
      { name: ['customerId'], errors: ['Is not a known sales rep'] },
      { name: ['action'], errors: ['Must not be null'] },
    ]);
    expect(mapped.unmatched).toEqual([]);
  });

  it('maps a 422 unknown reference beside its field', () => {
    const mapped = mapProblemToFields(
      validation([{ field: 'licenseId', message: 'is not a known license' }], 422),
      registered,
    );
    expect(mapped.fields).toEqual([{ name: ['licenseId'], errors: ['Is not a known license'] }]);
  });

  it('copes with no problem, no errors array, or a malformed one', () => {
    expect(mapProblemToFields(undefined, registered)).toEqual({ fields: [], unmatched: [] });
    expect(mapProblemToFields({ status: 400, detail: 'Not readable' }, registered)).toEqual({
      fields: [],
      unmatched: [],
    });
    const malformed = { status: 400, errors: 'nope' } as unknown as Problem;
    expect(mapProblemToFields(malformed, registered)).toEqual({ fields: [], unmatched: [] });
  });
});

describe('classifyWriteError / isConflict', () => {
  const error = (status: number, problem?: Problem) => new ApiError(status, problem, 'license-service');

  it('tells validation, stale versions, state conflicts and the other failures apart', () => {
    expect(classifyWriteError(error(400, validation([{ field: 'x', message: 'y' }])))).toBe('validation');
    expect(classifyWriteError(error(422, validation([{ field: 'x', message: 'y' }], 422)))).toBe(
      'validation',
    );
    expect(classifyWriteError(error(400, { status: 400, detail: 'Not readable' }))).toBe('invalid');
    expect(classifyWriteError(error(412))).toBe('stale');
    expect(classifyWriteError(error(409, { type: 'urn:delms:problem:concurrent-modification' }))).toBe(
      'stale',
    );
    expect(classifyWriteError(error(409, { type: 'urn:delms:problem:conflict' }))).toBe('conflict');
    expect(classifyWriteError(error(403))).toBe('forbidden');
    expect(classifyWriteError(error(404))).toBe('notFound');
    expect(classifyWriteError(error(503))).toBe('unavailable');
    expect(classifyWriteError(new TypeError('Failed to fetch'))).toBe('offline');
    expect(classifyWriteError(error(500))).toBe('error');
  });

  it('detects conflicts (409/412) only', () => {
    expect(isConflict(error(409))).toBe(true);
    expect(isConflict(error(412))).toBe(true);
    expect(isConflict(error(400))).toBe(false);
    expect(isConflict(error(503))).toBe(false);
    expect(isConflict(new Error('boom'))).toBe(false);
  });

  it('reads the allowed transitions of a 409', () => {
    const conflict = error(409, { currentStatus: 'SUSPENDED', allowedTransitions: ['IN_USE', 'TERMINATED'] });
    expect(transitionHints(conflict)).toEqual({
      currentStatus: 'SUSPENDED',
      allowed: ['IN_USE', 'TERMINATED'],
    });
    expect(transitionHints(error(400))).toEqual({ allowed: [] });
  });
});

describe('feedbackFor', () => {
  it('offers a reload for conflicts, with the server’s reason for a state conflict', () => {
    const stale = feedbackFor(new ApiError(412, undefined, 'deployment-service'));
    expect(stale).toMatchObject({
      kind: 'stale',
      canReload: true,
      title: 'Someone else changed this in the meantime',
    });
    const state = feedbackFor(
      new ApiError(409, { detail: 'License ENT-1 is TERMINATED' }, 'license-service'),
    );
    expect(state).toMatchObject({ kind: 'conflict', canReload: true, detail: 'License ENT-1 is TERMINATED' });
  });

  it('names the service that is down, and says when the role does not allow it', () => {
    expect(feedbackFor(new ApiError(503, undefined, 'sales-service'))).toMatchObject({
      kind: 'unavailable',
      canReload: false,
      title: 'The sales service is unavailable right now',
    });
    expect(feedbackFor(new ApiError(403, undefined, 'license-service'))).toMatchObject({
      kind: 'forbidden',
      title: 'Your role does not allow this',
    });
  });

  it('says a write that got no answer in time may have been saved, with the gateway’s advice', () => {
    const detail =
      'sales-service did not answer in time: the request may or may not have taken effect. Sending it again with the same Idempotency-Key is safe: it is answered with the outcome of the first.';
    const unknown = new ApiError(
      504,
      { status: 504, type: 'urn:delms:problem:outcome-unknown', detail },
      'sales-service',
    );
    expect(feedbackFor(unknown)).toMatchObject({
      kind: 'outcomeUnknown',
      canReload: true,
      title: 'No answer in time: this may or may not have been saved',
      detail,
    });
    expect(classifyWriteError(new ApiError(504, undefined, 'gateway'))).toBe('unavailable');
  });

  it('lists the field messages no input shows', () => {
    const feedback = feedbackFor(
      new ApiError(400, validation([{ field: 'x', message: 'y' }]), 'license-service'),
      {
        fields: [],
        unmatched: ['x: y'],
      },
    );
    expect(feedback).toMatchObject({ kind: 'validation', messages: ['x: y'] });
  });

  it('recognises a reused Idempotency-Key', () => {
    const reused = new ApiError(
      422,
      validation([{ field: 'Idempotency-Key', message: 'was already used for a different request' }], 422),
      'sales-service',
    );
    expect(isIdempotencyKeyReused(reused)).toBe(true);
    expect(isIdempotencyKeyReused(new ApiError(422, validation([]), 'sales-service'))).toBe(false);
  });
});

describe('values and keys', () => {
  it('makes distinct v4 UUIDs', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('formats dates and trims optional text', () => {
    expect(toIsoDate(dayjs('2026-12-07T15:30:00'))).toBe('2026-12-07');
    expect(toIsoDate(null)).toBeUndefined();
    expect(optionalText('  ')).toBeUndefined();
    expect(optionalText(' hi ')).toBe('hi');
  });

  it('invalidates every license query, and what else the write touched', () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    invalidateLicenseData(client, { deployments: true, alerts: true });
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['licenses'],
      ['deployments'],
      ['alerts'],
    ]);
  });

  it('refetches again while an event-applied write lands', () => {
    vi.useFakeTimers();
    try {
      const client = new QueryClient();
      const spy = vi.spyOn(client, 'invalidateQueries');
      invalidateLicenseData(client, { eventual: true, purchases: true });
      expect(spy).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(10_000);
      expect(spy).toHaveBeenCalledTimes(8);
    } finally {
      vi.useRealTimers();
    }
  });
});
