// Strings of links, import/export and embed mode (English). A translation supplies the same shape.
import { localized } from '../../script/language';
import { shareTextZh } from './text.zh';
export const shareTextEn = {
  toolbar: 'Share and files',
  copyLink: 'Copy link',
  copyLinkTitle: 'Copy a link that opens this run at this moment',
  copied: 'Link copied to the clipboard.',
  copyFallback: 'Could not use the clipboard: the link is selected below, copy it with Ctrl+C.',
  linkField: 'Shareable link',
  fingerprintButton: 'Fingerprint',
  fingerprintTitle: 'Show a fingerprint of the run so far; two pages showing the same run show the same fingerprint',
  fingerprint: 'Run fingerprint',
  fingerprintValue: (fp: string, events: number, t: number): string =>
    `${fp} (${events.toLocaleString('en-US')} events, ${Math.floor(t).toLocaleString('en-US')} ms)`,
  exportScenario: 'Export scenario',
  exportScenarioTitle: 'Download the run as a scenario script (.zk)',
  importScenario: 'Import scenario',
  importScenarioTitle: 'Open a scenario script (.zk or .txt)',
  exportTrace: 'Export trace',
  exportTraceTitle: 'Download every trace event of the run as JSON',
  scenarioFile: 'paxoscope-scenario.zk',
  traceFile: 'paxoscope-trace.json',
  linkErrorTitle: 'This link could not be opened',
  linkErrorRest: 'The default scenario runs instead.',
  importErrorTitle: (file: string): string => `${file} could not be imported`,
  importReadFailed: 'the file could not be read',
  importTooBig: (kb: number): string => `the file is larger than ${kb} KB`,
  imported: (file: string, actions: number): string =>
    `Imported ${file}: ${actions} action${actions === 1 ? '' : 's'}.`,
  unknownLesson: (id: string): string => `there is no lesson named "${id.length > 40 ? `${id.slice(0, 37)}...` : id}"`,
  dismiss: 'Dismiss',
} as const;

export const shareText = localized(shareTextEn, shareTextZh);
