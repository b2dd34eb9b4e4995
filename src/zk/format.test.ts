import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';
import { civilFromDays, daysFromCivil, formatDate, formatLs, formatStat, formatZxid } from './format';
import { ZkDriver } from './testHarness';

const DAY = 86_400_000;

describe('formatDate (hand-made UTC calendar, run starts 2026-01-01T00:00:00Z)', () => {
  it('renders like Java Date.toString in UTC', () => {
    expect(formatDate(0)).toBe('Thu Jan 01 00:00:00 UTC 2026');
    expect(formatDate(1000)).toBe('Thu Jan 01 00:00:01 UTC 2026');
    expect(formatDate(1999)).toBe('Thu Jan 01 00:00:01 UTC 2026');
    expect(formatDate(327 * DAY + (15 * 3600 + 37 * 60 + 3) * 1000)).toBe('Tue Nov 24 15:37:03 UTC 2026');
    expect(formatDate(364 * DAY + 86_399_000)).toBe('Thu Dec 31 23:59:59 UTC 2026');
    expect(formatDate(365 * DAY)).toBe('Fri Jan 01 00:00:00 UTC 2027');
    // 2028 is a leap year: Feb 29 exists.
    expect(formatDate((daysFromCivil(2028, 2, 29) - daysFromCivil(2026, 1, 1)) * DAY)).toBe(
      'Tue Feb 29 00:00:00 UTC 2028',
    );
  });
  it('agrees with the platform calendar (test-only oracle)', () => {
    const start = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 365 * DAY }), (ms) => {
        const d = new Date(start + ms);
        const [wd, day, mon, year, time] = d.toUTCString().replace(',', '').split(' ');
        expect(formatDate(ms)).toBe(`${wd} ${mon} ${day} ${time} UTC ${year}`);
      }),
    );
  });
  it('civilFromDays inverts daysFromCivil', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
      }),
    );
  });
});

describe('zkCli formats', () => {
  it('formatZxid is 0x + lower-case hex', () => {
    expect(formatZxid(0)).toBe('0x0');
    expect(formatZxid(2)).toBe('0x2');
    expect(formatZxid(255)).toBe('0xff');
  });
  it('formatLs', () => {
    expect(formatLs([])).toBe('[]');
    expect(formatLs(['app', 'zookeeper'])).toBe('[app, zookeeper]');
  });
  it('reproduces the zookeeper.md session transcript and Stat block', () => {
    const zk = new ZkDriver();
    zk.open('c1'); // 1
    expect(zk.create('c1', '/app', 'v1')).toMatchObject({ ok: true, path: '/app' }); // 2
    const again = zk.create('c1', '/app', 'again'); // 3
    expect(errorMessage(again.error!, '/app')).toBe('Node already exists: /app');
    zk.create('c1', '/app/a', 'x'); // 4
    zk.create('c1', '/app/eph', 'e', 'e'); // 5
    expect(zk.create('c1', '/app/seq-', 's', 's').path).toBe('/app/seq-0000000002'); // 6
    zk.create('c1', '/app/b', 'x'); // 7
    const nope = zk.create('c1', '/nope/x', 'y'); // 8
    expect(errorMessage(nope.error!, '/nope/x')).toBe('Node does not exist: /nope/x');
    const kid = zk.create('c1', '/app/eph/kid', 'k'); // 9
    expect(errorMessage(kid.error!, '/app/eph/kid')).toBe('Ephemerals cannot have children: /app/eph/kid');
    zk.create('c1', '/app/c', 'x'); // 10: the last child create, so /app's pZxid is 0xa
    expect(zk.get('c1', '/app').data).toBe('v1');
    const badSet = zk.set('c1', '/app', 'v3', 5);
    expect(errorMessage(badSet.error!, '/app')).toBe('version No is not valid : /app');
    const del = zk.del('c1', '/app');
    expect(errorMessage(del.error!, '/app')).toBe('Node not empty: /app');
    expect(formatLs(zk.ls('c1', '/').children!)).toBe('[app, zookeeper]');
    const stat = zk.stat('/app');
    const tue = 327 * DAY + (15 * 3600 + 37 * 60 + 3) * 1000;
    expect(formatStat({ ...stat, ctime: tue, mtime: tue })).toEqual([
      'cZxid = 0x2',
      'ctime = Tue Nov 24 15:37:03 UTC 2026',
      'mZxid = 0x2',
      'mtime = Tue Nov 24 15:37:03 UTC 2026',
      'pZxid = 0xa',
      'cversion = 5',
      'dataVersion = 0',
      'aclVersion = 0',
      'ephemeralOwner = 0x0',
      'dataLength = 2',
      'numChildren = 5',
    ]);
  });
  it('prints an ephemeral owner as its session id in hex, and ctime from simulated ms', () => {
    const zk = new ZkDriver(undefined, 30); // next zxid 31
    zk.open('c1'); // session id 31 = 0x1f
    zk.nextTimeMs = 61_000;
    zk.create('c1', '/e', '', 'e');
    const lines = formatStat(zk.stat('/e'));
    expect(lines).toContain('ephemeralOwner = 0x1f');
    expect(lines).toContain('ctime = Thu Jan 01 00:01:01 UTC 2026');
  });
});

describe('errorMessage', () => {
  it('matches zkCli per code', () => {
    expect(errorMessage('NODEEXISTS', '/p')).toBe('Node already exists: /p');
    expect(errorMessage('NONODE', '/p')).toBe('Node does not exist: /p');
    expect(errorMessage('BADVERSION', '/p')).toBe('version No is not valid : /p');
    expect(errorMessage('NOTEMPTY', '/p')).toBe('Node not empty: /p');
    expect(errorMessage('NOCHILDRENFOREPHEMERALS', '/p')).toBe('Ephemerals cannot have children: /p');
    expect(errorMessage('BADARGUMENTS', '/p/', 'Path must not end with / character')).toBe(
      'Path must not end with / character',
    );
    expect(errorMessage('BADARGUMENTS', '/zookeeper')).toBe('Arguments are not valid : /zookeeper');
    expect(errorMessage('SESSIONEXPIRED', '/p')).toBe('KeeperErrorCode = Session expired for /p');
    expect(errorMessage('CONNECTIONLOSS', '/p')).toBe('KeeperErrorCode = ConnectionLoss for /p');
    expect(errorMessage('OPERATIONTIMEOUT', '/p')).toBe('KeeperErrorCode = OperationTimeout for /p');
  });
});
