import { auditSearchParams, parseAuditState, serializeAuditQuery, toAuditApiQuery } from './auditQuery';

describe('audit state in the URL', () => {
  it('reads the service, filters and page, ignoring invalid values', () => {
    const state = parseAuditState(
      new URLSearchParams('service=sales&entityType=Purchase&entityId=%20abc%20&actor=bob&page=3&size=100'),
    );
    expect(state).toEqual({
      service: 'sales',
      filters: { entityType: 'Purchase', entityId: 'abc', actor: 'bob' },
      page: 3,
      size: 100,
    });
    expect(parseAuditState(new URLSearchParams('service=payroll&entityType=a%20b&page=0&size=7'))).toEqual({
      service: 'license',
      filters: {},
      page: 1,
      size: 50,
    });
  });

  it('round-trips and leaves the defaults out', () => {
    const query = 'service=customer&entityType=Customer&actor=alice&page=2';
    expect(auditSearchParams(parseAuditState(new URLSearchParams(query))).toString()).toBe(query);
    expect(auditSearchParams(parseAuditState(new URLSearchParams())).toString()).toBe('');
  });
});

describe('audit API query', () => {
  it('sends the pageable as plain page and size parameters, counting pages from 0', () => {
    const state = parseAuditState(new URLSearchParams('entityId=ENT-202612-000001&page=2&size=20'));
    expect(serializeAuditQuery(toAuditApiQuery(state))).toBe('entityId=ENT-202612-000001&page=1&size=20');
  });
});
