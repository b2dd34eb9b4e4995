import { describe, expect, it } from 'vitest';
import {
  basename,
  childPath,
  invalidPathMessage,
  parentOf,
  sequenceSuffix,
  validatePath,
  validateSequentialPath,
} from './path';

describe('validatePath (ZooKeeper PathUtils rules)', () => {
  it('accepts absolute paths and the root', () => {
    for (const p of ['/', '/a', '/a/b', '/a/.b', '/a/b.', '/a/...', '/zookeeper/quota', '/a b', '/é']) {
      expect(validatePath(p), p).toBeNull();
    }
  });
  it('gives zkCli reasons for bad paths', () => {
    expect(validatePath('')).toBe('Path length must be > 0');
    expect(validatePath('a')).toBe('Path must start with / character');
    expect(validatePath('/a/')).toBe('Path must not end with / character');
    expect(validatePath('/a//b')).toBe('empty node name specified @3');
    expect(validatePath('//')).toBe('Path must not end with / character');
    expect(validatePath('//a')).toBe('empty node name specified @1');
    expect(validatePath('/a/./b')).toBe('relative paths not allowed @3');
    expect(validatePath('/a/.')).toBe('relative paths not allowed @3');
    expect(validatePath('/a/../b')).toBe('relative paths not allowed @4');
    expect(validatePath('/..')).toBe('relative paths not allowed @2');
    expect(validatePath('/a\u0000b')).toBe('null character not allowed @2');
    expect(validatePath('/a\u0001')).toBe('invalid character @2');
    expect(validatePath('/\ud83d\ude00')).toBe('invalid character @1');
  });
  it('allows a trailing / for sequential creates only', () => {
    expect(validateSequentialPath('/q/')).toBeNull();
    expect(validateSequentialPath('/')).toBeNull();
    expect(validateSequentialPath('/q/n-')).toBeNull();
    expect(validateSequentialPath('/q//')).toBe('empty node name specified @3');
    expect(validateSequentialPath('q')).toBe('Path must start with / character');
    expect(validatePath('/q/')).not.toBeNull();
  });
  it('formats the full zkCli message for character-level reasons', () => {
    expect(invalidPathMessage('/a')).toBeNull();
    expect(invalidPathMessage('/a/')).toBe('Path must not end with / character');
    expect(invalidPathMessage('/a//b')).toBe('Invalid path string "/a//b" caused by empty node name specified @3');
    expect(invalidPathMessage('/q/', true)).toBeNull();
  });
});

describe('path helpers', () => {
  it('parentOf / basename / childPath', () => {
    expect(parentOf('/')).toBeNull();
    expect(parentOf('/a')).toBe('/');
    expect(parentOf('/a/b/c')).toBe('/a/b');
    expect(basename('/a/b/c')).toBe('c');
    expect(basename('/a')).toBe('a');
    expect(basename('/')).toBe('');
    expect(childPath('/', 'a')).toBe('/a');
    expect(childPath('/a', 'b')).toBe('/a/b');
  });
  it('sequenceSuffix is ten digits, zero padded', () => {
    expect(sequenceSuffix(0)).toBe('0000000000');
    expect(sequenceSuffix(6)).toBe('0000000006');
    expect(sequenceSuffix(1234567890)).toBe('1234567890');
  });
});
