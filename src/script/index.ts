// The scenario language: parse text into a Script, and format it back.
export * from './ast';
export {
  parseScript,
  parseLine,
  parseConsoleLine,
  formatParseError,
  pathProblem,
  MAX_SERVERS,
  PROTOCOLS,
  CLIENT_COMMANDS,
  MULTI_OPS,
  LINE_COMMANDS,
} from './parse';
export type { LineContext, ParseLineOptions, ParseLineResult } from './parse';
export {
  formatLine,
  formatHeader,
  formatScript,
  formatCommand,
  formatWord,
  formatPercent,
  formatLatency,
} from './format';
export { scriptText } from './text';
