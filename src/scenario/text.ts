// Every user-facing message of the scenario model and the shareable-link codec, in one place so a
// translation can follow. Each function returns one line of text.
import { localized } from '../script/language';
import { scenarioTextZh } from './text.zh';

const q = (s: string): string => JSON.stringify(s);
/** A quoted excerpt of untrusted text, cut so that a message stays one short line. */
const excerpt = (s: string): string => q(s.length > 60 ? `${s.slice(0, 57)}...` : s);
const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
const count = (n: number): string => n.toLocaleString('en-US');

export const scenarioTextEn = {
  exactReplayComment: (): string[] => [
    '# An exact replay exported from Paxoscope: `npm run sim -- FILE` reaches the same run, event for event, and',
    '# prints the Fingerprint the page showed. Each `at` line is the moment the lines after it ran (simulated ms,',
    '# simulator events); they run as the console ran them, waiting for no reply. `stop` is the moment of export.',
  ],
  stopNeedsEvents: (line: number): string =>
    `line ${line}: stop needs an "at ...ms after N events" line before it, to say the moment the run stops at`,
  cursorBeforeLastAction: (): string => 'this link is damaged: it opens before its last action',
  unknownHash: (hash: string): string =>
    `this link ends in "#${hash.length > 40 ? `${hash.slice(0, 37)}...` : hash}", which is neither a shared run (#s=...) nor a lesson (#lesson=...)`,
  cursorActions: (run: number, actions: number): string =>
    `this link is damaged: it says ${run} actions had run but holds ${actions}`,
  headBeforeCursor: (): string => 'this link is damaged: its run ends before the moment it opens at',
  actionAfterHead: (): string => 'this link is damaged: it has an action after the end of its run',
  // --- the link itself ----------------------------------------------------------------------
  emptyPayload: (): string => 'this link has no scenario in it: nothing follows "#s="',
  hashTooLong: (length: number, max: number): string =>
    `this link is too long: ${count(length)} characters of scenario, at most ${count(max)} (${kb(max)}) are accepted`,
  missingVersion: (): string =>
    'this link has no version tag: a Paxoscope scenario link starts with "#s=v1." (was it cut or edited?)',
  newerVersion: (version: number): string =>
    `this link was made by a newer version of Paxoscope (v${version}); this page reads v1 links`,
  unknownVersion: (version: number): string =>
    `this link has an unknown version tag (v${version}); this page reads v1 links`,
  notBase64: (char: string, position: number): string =>
    `this link is damaged: ${q(char)} at character ${position} cannot appear in a scenario link (only A-Z a-z 0-9 - _)`,
  impossibleLength: (): string => 'this link is damaged or cut short: its scenario data has an impossible length',
  tooShort: (): string => 'this link is cut short: there is too little scenario data to hold a scenario',
  corrupt: (reason: string): string =>
    `this link is damaged or cut short: the compressed scenario does not unpack (${reason}); copy the whole link again`,
  checksum: (): string =>
    'this link is damaged: the unpacked scenario does not match its checksum; copy the whole link again',
  tooBigUnpacked: (max: number): string =>
    `this link unpacks to more than ${kb(max)}; Paxoscope accepts scenarios up to ${kb(max)}`,
  notText: (): string => 'this link is damaged: the unpacked scenario is not valid UTF-8 text',
  notJson: (): string => 'this link is damaged: the unpacked scenario is not valid JSON',
  wrongShape: (where: string, problem: string): string =>
    `this link's scenario has the wrong shape at ${where}: ${problem}`,
  tooManyActions: (n: number, max: number): string =>
    `this link has ${count(n)} actions; Paxoscope accepts at most ${count(max)}`,
  tooManyHeaderLines: (n: number, max: number): string =>
    `this link has ${count(n)} header lines; a scenario header has at most ${max}`,
  unexpectedError: (): string => 'this link could not be read: an unexpected error occurred while decoding it',

  // --- the scenario in it -------------------------------------------------------------------
  serversOutOfRange: (servers: number | string, min: number, max: number): string =>
    `this link asks for ${servers} servers; Paxoscope runs ${min} to ${max} in the browser`,
  badHeaderLine: (index: number, text: string, problem: string): string =>
    `this link's header line ${index + 1} (${excerpt(text)}) is invalid: ${problem}`,
  notAHeaderLine: (index: number, text: string): string =>
    `this link's header line ${index + 1} (${excerpt(text)}) is not a header setting (servers, seed, protocol, latency, loss, dup, session-timeout, bug)`,
  badAction: (index: number, text: string, problem: string): string =>
    `action ${index + 1} of this link (${excerpt(text)}) cannot run: ${problem}`,
  emptyAction: (index: number): string => `action ${index + 1} of this link is empty or only a comment`,
  actionHasNewline: (index: number): string =>
    `action ${index + 1} of this link spans several lines; an action is one line`,
  actionTooLong: (index: number, length: number, max: number): string =>
    `action ${index + 1} of this link is ${count(length)} characters long; an action has at most ${count(max)}`,
  timeGoesBack: (index: number): string =>
    `action ${index + 1} of this link happens before action ${index}: actions must be in time order`,
  eventsGoBack: (index: number): string =>
    `action ${index + 1} of this link comes after fewer simulator events than an earlier action`,
  timeTooLate: (index: number, maxMs: number): string =>
    `action ${index + 1} of this link is later than ${count(maxMs)} ms of simulated time, the longest run a link may hold`,
  eventsTooMany: (index: number, max: number): string =>
    `action ${index + 1} of this link comes after more than ${count(max)} simulator events, the most a link may hold`,

  // --- importing a script -------------------------------------------------------------------
  scriptServersOutOfRange: (line: number, servers: number, min: number, max: number): string =>
    `line ${line}: this scenario asks for ${servers} servers; Paxoscope runs ${min} to ${max} in the browser (the CLI runs more)`,
  scriptTooManyActions: (n: number, max: number): string =>
    `this scenario has ${count(n)} actions; Paxoscope accepts at most ${count(max)}`,
  scriptLineTooLong: (line: number, length: number, max: number): string =>
    `line ${line}: ${count(length)} characters long; a line has at most ${count(max)}`,
  scriptTooLate: (line: number, maxMs: number): string =>
    `line ${line}: runs later than ${count(maxMs)} ms of simulated time, the longest run a scenario may hold`,
  badCompare: (value: string, names: readonly string[]): string =>
    `"?compare=${value.length > 40 ? `${value.slice(0, 37)}...` : value}" does not name two different protocols (${names.join(', ')}), as ?compare=multi-paxos,zab does`,
  /** Where a link's scenario has the wrong shape, and what is wrong there (see wrongShape). */
  shape: {
    topLevel: 'the top level',
    header: 'the header',
    headerLine: (n: number): string => `header line ${n}`,
    actionList: 'the action list',
    action: (n: number): string => `action ${n}`,
    actionField: (n: number, field: 'events' | 'time' | 'text'): string =>
      `action ${n} (${field === 'events' ? 'event count' : field})`,
    cursor: 'the moment the link opens at',
    end: 'the end of the run',
    atLeast: (min: number): string => `expected a number of at least ${min}`,
    wholeAtLeast: (min: number): string => `expected a whole number of at least ${min}`,
    atMost: (max: number): string => `expected at most ${max}`,
    atMostCharacters: (max: number): string => `expected at most ${max} characters`,
    atMostHeaderLines: (max: number): string => `expected at most ${max} header lines`,
    atMostActions: (max: number): string => `expected at most ${max} actions`,
    expected: (expected: string, received: string): string => `expected ${expected}, got ${received}`,
    outOfRange: 'its time or event count is out of range',
    badTime: 'its time is not a non-negative number',
    badEvents: 'its event count is not a whole number of at least -1',
    invalidData: 'invalid data',
    oneShortLine: 'a header line is one short line',
  },
} as const;

export const scenarioText = localized(scenarioTextEn, scenarioTextZh);
