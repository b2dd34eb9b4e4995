// The bench's history of sequential writes is a real check: it passes as built and fails when one answer is off.
import { describe, expect, it } from 'vitest';
import { checkOperations } from '../check/explain';
import { znodeModel } from '../check/znodeModel';
import { sequentialWrites } from './benchChecks';

describe('sequentialWrites', () => {
  it('is linearizable as built, and not with one stat version off', () => {
    const ops = sequentialWrites(300);
    expect(checkOperations(znodeModel, ops).kind).toBe('ok');
    const bad = [...ops];
    const op = bad[150]!;
    const output = op.output!;
    bad[150] = { ...op, output: { ...output, stat: { ...output.stat!, version: output.stat!.version + 1 } } };
    expect(checkOperations(znodeModel, bad).kind).toBe('violation');
  });
});
