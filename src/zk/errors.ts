// The text zkCli prints for a failed operation: CliWrapperException's own for the codes it names, else the
// KeeperException's getMessage(), "KeeperErrorCode = <code message> for <path>".
import type { ErrorCode } from './types';

/** Every code a result can carry, once each (the Record makes a missing one a compile error). */
const CODES: Readonly<Record<ErrorCode, true>> = {
  NONODE: true,
  NODEEXISTS: true,
  BADVERSION: true,
  NOTEMPTY: true,
  NOCHILDRENFOREPHEMERALS: true,
  BADARGUMENTS: true,
  SESSIONEXPIRED: true,
  CONNECTIONLOSS: true,
  OPERATIONTIMEOUT: true,
  ROLLEDBACK: true,
  RUNTIMEINCONSISTENCY: true,
};

export const ERROR_CODES = Object.keys(CODES) as readonly ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value);
}

/** KeeperException.getMessage(): " for <path>" only when the operation has a path. */
function keeperMessage(code: string, path: string): string {
  return path === '' ? `KeeperErrorCode = ${code}` : `KeeperErrorCode = ${code} for ${path}`;
}

/**
 * zkCli's message for an error on `path` (the path the client asked for, without a sequential
 * suffix). `reason` is used for BADARGUMENTS when set (e.g. a path validation reason).
 */
export function errorMessage(code: ErrorCode, path: string, reason?: string): string {
  switch (code) {
    case 'NODEEXISTS':
      return `Node already exists: ${path}`;
    case 'NONODE':
      return `Node does not exist: ${path}`;
    case 'BADVERSION':
      return `version No is not valid : ${path}`;
    case 'NOTEMPTY':
      return `Node not empty: ${path}`;
    case 'NOCHILDRENFOREPHEMERALS':
      return `Ephemerals cannot have children: ${path}`;
    case 'BADARGUMENTS':
      return reason ?? `Arguments are not valid : ${path}`;
    case 'SESSIONEXPIRED':
      return keeperMessage('Session expired', path);
    case 'CONNECTIONLOSS':
      return keeperMessage('ConnectionLoss', path);
    case 'OPERATIONTIMEOUT':
      return keeperMessage('OperationTimeout', path);
    case 'ROLLEDBACK':
      return `KeeperErrorCode = Rolled back for ${path}`;
    case 'RUNTIMEINCONSISTENCY':
      return `KeeperErrorCode = RuntimeInconsistency for ${path}`;
  }
}

/** ZooKeeper's numeric KeeperException.Code (ROLLEDBACK reports 0, as a multi's rolled-back sub-ops do). */
export function errorCodeNumber(code: ErrorCode): number {
  switch (code) {
    case 'ROLLEDBACK':
      return 0;
    case 'RUNTIMEINCONSISTENCY':
      return -2;
    case 'CONNECTIONLOSS':
      return -4;
    case 'OPERATIONTIMEOUT':
      return -7;
    case 'BADARGUMENTS':
      return -8;
    case 'NONODE':
      return -101;
    case 'BADVERSION':
      return -103;
    case 'NOCHILDRENFOREPHEMERALS':
      return -108;
    case 'NODEEXISTS':
      return -110;
    case 'NOTEMPTY':
      return -111;
    case 'SESSIONEXPIRED':
      return -112;
  }
}
