// Every user-facing message of the scenario layer (parser and runner), in one place so a translation can follow.
// Each function returns one line of text without the line number: a ParseError carries the
// line in its own field, and formatParseError joins the two.
import { localized } from './language';
import { scriptTextZh } from './text.zh';

const q = (s: string): string => JSON.stringify(s);
const list = (items: readonly string[]): string => items.join(', ');

export const scriptTextEn = {
  // --- running (a line that parses but cannot run now) ------------------------------------------
  noSessionToExpire: (session: string, ended: boolean): string =>
    ended
      ? `${session} has no open session to expire: it already ended`
      : `${session} has no open session to expire: it never connected`,
  noServerToExpire: (): string => 'no server is up to expire the session',

  // --- lexical -----------------------------------------------------------------------------
  unterminatedQuote: (quote: string = '"'): string => `unterminated quoted string: a closing ${quote} is missing`,
  unknownEscape: (seq: string): string =>
    `unknown escape ${seq} in a quoted string; use \\" for a quote, \\\\ for a backslash, \\n \\r \\t for a newline, return or tab`,
  quoteInsideWord: (word: string): string => `unexpected " inside ${q(word)}: quote the whole word, as in "a b"`,
  textAfterQuote: (): string => 'unexpected text right after a closing quote: put a space after it',

  // --- line shape --------------------------------------------------------------------------
  unknownCommand: (word: string, valid: readonly string[]): string =>
    `unknown command ${q(word)}; valid commands: ${list(valid)}`,
  clientCommandWithoutSession: (text: string): string => `a client command needs a session: write ${q(`c1> ${text}`)}`,
  unknownSessionCommand: (session: string, word: string): string =>
    `unknown session command ${q(`${session} ${word}`)}; a session line is "${session} connect nK", "${session} close" or "${session} expire", and a client command is "${session}> COMMAND" (did you forget the ">"?)`,
  missingSessionName: (): string => 'missing session name before ">": write "c1> COMMAND"',
  invalidSessionName: (name: string): string =>
    `invalid session name ${q(name)}: a session name is a letter followed by letters, digits, - or _ (like c1 or alice)`,
  reservedSessionName: (name: string): string => `${q(name)} cannot be a session name: it is a command word`,
  missingClientCommand: (session: string): string =>
    `missing command after "${session}>"; valid commands: create, get, set, delete, deleteall, ls, stat, sync, multi`,
  backgroundOnlyForClients: (): string =>
    'a trailing & (run in the background) only applies to client commands like "c1> set /a 1 &"',
  unexpectedSemicolon: (cmd: string): string =>
    `unexpected ";" in ${cmd}: only multi takes several operations ("multi OP; OP; ...")`,
  sessionNeedsServer: (session: string): string => `${session} connect needs a server, as in "${session} connect n2"`,
  tooManyWords: (cmd: string, extra: string, usage: string): string =>
    `too many arguments for ${cmd}: ${q(extra)}; usage: ${usage}`,

  // --- client commands (zkCli style) -------------------------------------------------------
  unknownFlag: (flag: string, cmd: string, usage: string): string =>
    `unknown flag ${q(flag)} for ${cmd}; usage: ${usage}`,
  unknownFlagNegativeData: (flag: string, cmd: string): string =>
    `unknown flag ${q(flag)} for ${cmd}: data that starts with - must be written in double quotes ("${flag}")`,
  flagNeedsValue: (flag: string, cmd: string, usage: string): string =>
    `flag ${flag} for ${cmd} needs a version; usage: ${usage}`,
  missingPath: (cmd: string, usage: string): string => `${cmd}: missing path; usage: ${usage}`,
  missingData: (cmd: string, usage: string): string => `${cmd}: missing data; usage: ${usage}`,
  missingVersion: (cmd: string, usage: string): string => `${cmd}: missing version; usage: ${usage}`,
  invalidPath: (path: string, reason: string): string => `invalid path ${q(path)}: ${reason}`,
  versionNotNumber: (v: string): string => `version must be a number: ${v}`,
  versionOutOfRange: (v: string): string => `version out of range: ${v} (versions are 32-bit integers)`,
  unknownMultiOp: (word: string, valid: readonly string[]): string =>
    `unknown multi operation ${q(word)}; valid operations: ${list(valid)}`,

  // ZooKeeper's PathUtils.validatePath reasons, word for word.
  pathEmpty: (): string => 'Path length must be > 0',
  pathNoLeadingSlash: (): string => 'Path must start with / character',
  pathTrailingSlash: (): string => 'Path must not end with / character',
  pathEmptyNode: (at: number): string => `empty node name specified @${at}`,
  pathRelative: (at: number): string => `relative paths not allowed @${at}`,
  pathNullChar: (at: number): string => `null character not allowed @${at}`,
  pathInvalidChar: (at: number): string => `invalid character @${at}`,

  // --- servers and faults ------------------------------------------------------------------
  notAServer: (word: string): string => `expected a server like n1, got ${q(word)}`,
  noSuchServer: (word: string, servers: number): string =>
    `no server ${word}: this cluster has ${servers} server${servers === 1 ? '' : 's'}`,
  serverCommandNeedsOne: (cmd: string): string => `${cmd} needs one server, as in "${cmd} n2"`,
  partitionUsage: (): string =>
    'partition needs at least two groups of servers separated by |, as in "partition n1 n2 | n3"',
  partitionEmptyGroup: (): string => 'partition has an empty group: every group between | needs at least one server',
  partitionDuplicate: (server: string): string => `partition names ${server} more than once`,
  partitionMissing: (missing: readonly string[]): string =>
    `partition must place every server in a group; missing: ${list(missing)}`,
  linkUsage: (cmd: string): string =>
    cmd === 'heal'
      ? 'heal takes no servers (every link), two servers "heal n1 n3", or one direction "heal n1 -> n3"'
      : `${cmd} needs two servers: "${cmd} n1 n3" (both directions) or "${cmd} n1 -> n3" (one direction)`,
  linkSameServer: (cmd: string, server: string): string => `${cmd} needs two different servers, got ${server} twice`,
  noLeaderNow: (): string => 'no leader at this moment: "leader" names the server leading when the line runs',
  leaderNamedTwice: (leader: number): string => `the leader is n${leader}, which this line also names`,
  leaderIs: (leader: number): string => `(leader is n${leader})`,
  networkUsage: (word: string): string =>
    `unexpected ${q(word)} in a network change; write "loss 10%", "dup 5%" and/or "latency 5..300ms"`,
  networkDuplicate: (setting: string): string => `${setting} is given twice on this line`,
  networkMissingValue: (setting: string): string =>
    setting === 'latency'
      ? 'latency needs a range, as in "latency 5..300ms"'
      : `${setting} needs a percentage, as in "${setting} 10%"`,
  badPercent: (setting: string, value: string): string =>
    `${setting} must be a percentage from 0% to 100% with at most 6 decimals, like 10%: ${q(value)}`,
  badLatency: (value: string): string =>
    `latency must be a range of whole milliseconds like 10..50ms (or 1..2s): ${q(value)}`,
  latencyMinAboveMax: (min: number, max: number): string => `latency minimum ${min}ms is above its maximum ${max}ms`,
  badDuration: (cmd: string, value: string): string =>
    `${cmd} needs a whole number of milliseconds, like 500ms or 2s: ${q(value)}`,
  waitUsage: (): string => 'wait needs one duration, as in "wait 500ms" or "wait 2s"',
  atUsage: (): string =>
    'at needs a moment, as in "at 560ms" or "at 560.25ms after 1234 events" (simulated ms, simulator events)',
  atTooManyEvents: (events: number, max: number): string =>
    `at ... after ${events} events is too far: a scenario may run to at most ${max} simulator events`,
  settleBound: (boundMs: number): string =>
    `settle: not settled after ${boundMs / 1000}s (is a majority up and connected?)`,
  stopTakesNothing: (extra: string): string => `stop takes no arguments, got ${q(extra)}`,
  momentInConsole: (word: string): string =>
    `${word} belongs in a scenario file (an exact replay), not the console: the console runs lines now`,
  lineAfterStop: (stopLine: number): string => `nothing may follow stop (line ${stopLine}): the run ends there`,
  settleTakesNothing: (extra: string): string => `settle takes no arguments, got ${q(extra)}`,

  // --- header ------------------------------------------------------------------------------
  headerAfterCommands: (text: string, firstCommandLine?: number): string =>
    `header line ${q(text)} must come before the first command${firstCommandLine === undefined ? '' : ` (line ${firstCommandLine})`}`,
  headerInConsole: (word: string): string =>
    `${word} is a script header setting and cannot be changed from the console; put "${word} ..." at the top of a script`,
  headerDuplicate: (word: string, firstLine: number): string => `${word} is already set on line ${firstLine}`,
  headerNeedsOneValue: (word: string, example: string): string => `${word} needs one value, as in ${q(example)}`,
  badServers: (value: string, max: number): string => `servers must be a whole number from 1 to ${max}: ${q(value)}`,
  badSeed: (value: string): string => `seed must be a non-negative whole number: ${q(value)}`,
  badProtocol: (value: string, valid: readonly string[]): string =>
    `unknown protocol ${q(value)}; valid protocols: ${list(valid)}`,
  badSessionTimeout: (value: string): string =>
    `session-timeout must be a positive whole number of milliseconds, like 4000ms or 4s: ${q(value)}`,
  bugNeedsName: (valid: readonly string[]): string => `bug needs a name; valid bugs: ${list(valid)}`,
  unknownBug: (name: string, valid: readonly string[]): string => `unknown bug ${q(name)}; valid bugs: ${list(valid)}`,

  // --- presentation ------------------------------------------------------------------------
  errorAtLine: (line: number, message: string): string => `line ${line}: ${message}`,
} as const;

export const scriptText = localized(scriptTextEn, scriptTextZh);
