// znode paths: validation exactly as ZooKeeper's PathUtils.validatePath, and parent/basename helpers.

/**
 * Validates a znode path the way ZooKeeper's client does (PathUtils.validatePath).
 * Returns null when valid, else the reason zkCli reports, e.g. "Path must start with / character"
 * or "empty node name specified @3" (indices count UTF-16 code units from 0, as Java's do).
 */
export function validatePath(path: string): string | null {
  if (path.length === 0) return 'Path length must be > 0';
  if (path.charCodeAt(0) !== 0x2f) return 'Path must start with / character';
  if (path.length === 1) return null;
  if (path.charCodeAt(path.length - 1) === 0x2f) return 'Path must not end with / character';
  let last = 0x2f;
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0) return `null character not allowed @${i}`;
    if (c === 0x2f && last === 0x2f) return `empty node name specified @${i}`;
    if (c === 0x2e && last === 0x2e) {
      if (path.charCodeAt(i - 2) === 0x2f && (i + 1 === path.length || path.charCodeAt(i + 1) === 0x2f)) {
        return `relative paths not allowed @${i}`;
      }
    } else if (c === 0x2e) {
      if (path.charCodeAt(i - 1) === 0x2f && (i + 1 === path.length || path.charCodeAt(i + 1) === 0x2f)) {
        return `relative paths not allowed @${i}`;
      }
    } else if (
      (c > 0x00 && c <= 0x1f) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0xd800 && c <= 0xf8ff) ||
      (c >= 0xfff0 && c <= 0xffff)
    ) {
      return `invalid character @${i}`;
    }
    last = c;
  }
  return null;
}

/**
 * Validation for a sequential create: the server appends the ten-digit suffix, so a trailing `/`
 * is allowed (`create -s /q/ x` makes `/q/0000000006`). As ZooKeeper does: validate path + "1".
 */
export function validateSequentialPath(path: string): string | null {
  return validatePath(path + '1');
}

/** True for the reasons zkCli wraps as `Invalid path string "<path>" caused by <reason>`. */
function isCharacterReason(reason: string): boolean {
  return reason.includes(' @');
}

/**
 * The full text zkCli prints for an invalid path (its MalformedPathException message), or null when
 * the path is valid. E.g. `Invalid path string "/a//b" caused by empty node name specified @3`.
 */
export function invalidPathMessage(path: string, sequential = false): string | null {
  const checked = sequential ? path + '1' : path;
  const reason = validatePath(checked);
  if (reason === null) return null;
  return isCharacterReason(reason) ? `Invalid path string "${checked}" caused by ${reason}` : reason;
}

/** The parent of a valid path; null for `/`. */
export function parentOf(path: string): string | null {
  if (path === '/') return null;
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The last component of a valid path ('' for `/`). */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins a parent path and a child name. */
export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** The ten-digit, zero-padded sequential suffix (Java's %010d). */
export function sequenceSuffix(n: number): string {
  return String(n).padStart(10, '0');
}
