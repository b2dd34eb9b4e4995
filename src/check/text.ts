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
};

export const checkText = localized(checkTextEn, checkTextZh);
