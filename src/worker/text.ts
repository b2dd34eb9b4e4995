// Messages the simulation worker shows to users (English; the Chinese is in text.zh.ts).
import { localized } from '../script/language';
import { timelineTextEn } from '../scenario/timeline/text';
import { timelineTextZh } from '../scenario/timeline/text.zh';
import { workerTextZh } from './text.zh';

export const workerTextEn = {
  ...timelineTextEn,
  badSpeed: (speed: number, min: number, max: number): string =>
    `speed must be between ${min}x and ${max}x, got ${speed}`,
  noSuchServer: (server: number, servers: number): string =>
    `no server n${server}: this cluster has ${servers} servers`,
  done: (session: string, cmd: string): string =>
    cmd.startsWith(`${session} `) ? `${cmd}: done` : `${session}: ${cmd} done`,
  /** What a console result answers: its session and command, before the arrow. */
  about: (session: string, cmd: string): string => (cmd.startsWith(`${session} `) ? cmd : `${session} ${cmd}`),
  /** The result of a command zkCli prints nothing for (set, delete). */
  silentResult: 'done',
  badCommand: (): string => 'unknown command from the page',
  workerCrashed: (reason: string): string => `the simulation stopped: ${reason}`,
  exportFailed: (reason: string): string => `could not export the diagram: ${reason}`,
};

export const workerText = localized(workerTextEn, { ...timelineTextZh, ...workerTextZh });
