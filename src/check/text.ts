// The checkers' one-line reasons for a violation (English; the Chinese is in text.zh.ts). The CLI and the
// goldens read them in English; the page's monitor in the page's language.
import { localized } from '../script/language';
import { checkTextZh } from './text.zh';

export const checkTextEn = {
  agreement: (server: number, value: string, slot: number, other: number, otherValue: string, at: number): string =>
    `n${server} decided ${value} for slot ${slot}, but n${other} decided ${otherValue} there (trace event ${at})`,
  chosen: (
    server: number,
    value: string,
    slot: number,
    ballot: string,
    chosen: string,
    chosenBallot: string,
    at: number,
  ): string =>
    `n${server} accepted ${value} for slot ${slot} at ballot ${ballot}, but ${chosen} was chosen there at ballot ${chosenBallot} (trace event ${at})`,
  promiseNotAbove: (server: number, ballot: string, earlier: string, at: number): string =>
    `n${server} promised ${ballot}, not above its earlier promise ${earlier} (trace event ${at})`,
  acceptBelowPromise: (
    server: number,
    value: string,
    slot: number,
    ballot: string,
    promise: string,
    at: number,
  ): string =>
    `n${server} accepted ${value} for slot ${slot} at ballot ${ballot}, below its promise ${promise} (trace event ${at})`,
  validity: (server: number, value: string, slot: number): string =>
    `n${server} decided ${value} for slot ${slot}, which no client or session ever requested`,
  prefixGap: (server: number, slot: number, expected: number): string =>
    `n${server} applied slot ${slot} before slot ${expected} (a gap)`,
  prefixAgain: (server: number, slot: number, expected: number): string =>
    `n${server} applied slot ${slot} again after slot ${expected - 1} (out of order)`,
  notLinearizable: (op: string, result: string | null, hint: string | null): string =>
    `${op} ${result === null ? 'took effect' : `returned ${result}`}, which fits no linearization of the writes${hint === null ? '' : ` (where the search got furthest, the model gives ${hint})`}`,
  zabNotProposed: (server: number, value: string, zxid: string): string =>
    `n${server} committed ${value} as ${zxid}, which no leader proposed under that zxid`,
  zabOutOfOrder: (server: number, zxid: string, slot: number, lastZxid: string, lastSlot: number): string =>
    `n${server} committed ${zxid} at slot ${slot} after ${lastZxid} at slot ${lastSlot}: not in zxid order`,
  zabSlotDisagrees: (
    server: number,
    zxid: string,
    slot: number,
    other: number,
    otherZxid: string,
    at: number,
  ): string =>
    `n${server} committed ${zxid} at slot ${slot}, but n${other} committed ${otherZxid} there (trace event ${at})`,
  zabAcceptedEpochNotAbove: (server: number, epoch: number, accepted: number): string =>
    `n${server} accepted epoch ${epoch}, not above its acceptedEpoch ${accepted}`,
  zabCurrentEpochBelow: (server: number, epoch: number, current: number): string =>
    `n${server} set currentEpoch ${epoch}, below its earlier ${current}`,
  zabCurrentEpochAbove: (server: number, epoch: number, accepted: number): string =>
    `n${server} set currentEpoch ${epoch}, above its acceptedEpoch ${accepted}`,
  zabEstablishedNotAbove: (server: number, epoch: number, earlier: number, at: number): string =>
    `n${server} established epoch ${epoch}, not above epoch ${earlier} established earlier (trace event ${at})`,
  faultStart: 'the start',
  faultCrash: (server: number): string => `the crash of n${server}`,
  faultRestart: (server: number): string => `the restart of n${server}`,
  faultCut: (from: number, to: number): string => `the cut n${from}->n${to}`,
  faultHeal: (from: number, to: number): string => `the heal n${from}->n${to}`,
  faultLoss: (percent: number): string => `the network change to ${percent}% loss`,
  neverReturned: (
    session: string,
    command: string,
    t: number,
    quietMs: number,
    fault: string,
    faultT: number,
  ): string =>
    `${session} "${command}" (invoked at ${t} ms) never returned, though a majority was up and connected for ${quietMs} ms after ${fault} (at ${faultT} ms)`,
  livenessNoMajority: (group: number, servers: number): string =>
    `not applicable: at the end only ${group} of ${servers} servers are up and connected, no majority`,
  livenessTotalLoss: 'not applicable: the network loses every message at the end',
  livenessEmpty: 'not applicable: empty trace',
  livenessTooSoon: (sinceMs: number, fault: string, faultT: number, quietMs: number): string =>
    `not applicable: only ${sinceMs} ms passed after ${fault} (at ${faultT} ms), less than ${quietMs} ms`,
  // Reading Jepsen-style history files (npm run check, the page's Open history…).
  historyPending: (process: number): string => `process ${process} invokes while its last op is pending`,
  historyNeverInvoked: (process: number): string => `process ${process} completes an op it never invoked`,
  historyOtherF: (process: number, f: string, invoked: string): string =>
    `process ${process} completes a ${f} but invoked a ${invoked}`,
  historyReadInvoke: (value: string): string => `a read is invoked with nil, got ${value}`,
  historyWriteValue: (value: string): string => `a write takes an integer, got ${value}`,
  historyCasValue: (value: string): string => `a cas takes [from to], got ${value}`,
  historyReadResult: (value: string): string => `a read returns nil or an integer, got ${value}`,
  historyNotRegisterLine: (raw: string): string => `not a register op line: ${raw}`,
  historyNotEdn: (body: string): string => `not an EDN map: ${body}`,
  historyEdnNear: (near: string): string => `cannot read the EDN map near "${near}"`,
  historyMissingKey: (name: string): string => `missing :${name}`,
  historyStringValue: (f: string): string => `a ${f} takes a string :value`,
  historyOtherKey: (process: number, key: string, invoked: string): string =>
    `process ${process} completes key "${key}" but invoked "${invoked}"`,
  historyEdnOdd: 'an EDN map needs a value for every key',
  historyGetResult: 'an ok get carries the string it read',
  historyNoOps: 'no register op line or EDN map found (say --model register|kv)',
};

export const checkText = localized(checkTextEn, checkTextZh);
