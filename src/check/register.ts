// A register (read, write, compare-and-set) as a sequential specification, as Jepsen's etcd test drives one.
import type { Model } from './search';

/** The register's value; null before the first write (Jepsen's nil). */
export type RegisterValue = number | null;

export type RegisterInput =
  | { readonly f: 'read'; readonly process: number }
  | { readonly f: 'write'; readonly process: number; readonly value: number }
  | { readonly f: 'cas'; readonly process: number; readonly from: number; readonly to: number };

/**
 * What an op answered: a read the value it read; a cas whether it swapped (a `fail` cas ran and found another
 * value); 'unknown' when the outcome is not known (the op may have taken effect or not, a read may read anything).
 */
export type RegisterOutput =
  | { readonly kind: 'read'; readonly value: RegisterValue }
  | { readonly kind: 'written' }
  | { readonly kind: 'cas'; readonly swapped: boolean }
  | { readonly kind: 'unknown' };

const UNKNOWN_OUTPUT: RegisterOutput = { kind: 'unknown' };

function valueText(value: RegisterValue): string {
  return value === null ? 'nil' : String(value);
}

function inputText(input: RegisterInput): string {
  switch (input.f) {
    case 'read':
      return `p${input.process} read`;
    case 'write':
      return `p${input.process} write ${input.value}`;
    case 'cas':
      return `p${input.process} cas ${input.from} -> ${input.to}`;
  }
}

function outputText(output: RegisterOutput): string {
  switch (output.kind) {
    case 'read':
      return ` -> ${valueText(output.value)}`;
    case 'written':
      return '';
    case 'cas':
      return output.swapped ? ' -> ok' : ' -> fail';
    case 'unknown':
      return ' -> unknown';
  }
}

export const registerModel: Model<RegisterValue, RegisterInput, RegisterOutput> = {
  init: () => null,
  step(state, input, output) {
    const unknown = output.kind === 'unknown';
    switch (input.f) {
      case 'read':
        return unknown || (output.kind === 'read' && output.value === state) ? state : undefined;
      case 'write':
        return input.value;
      case 'cas': {
        const swaps = state === input.from;
        if (!unknown && (output.kind !== 'cas' || output.swapped !== swaps)) return undefined;
        return swaps ? input.to : state;
      }
    }
  },
  key: (state) => (state === null ? 'nil' : state),
  unknownOutput: () => UNKNOWN_OUTPUT,
  readOnly: (input, output) => input.f === 'read' || (output.kind === 'cas' && !output.swapped),
  describeOperation: (input, output) => `${inputText(input)}${outputText(output)}`,
  describeAnswer(state, input) {
    switch (input.f) {
      case 'read':
        return `reads ${valueText(state)}`;
      case 'write':
        return `writes ${input.value}`;
      case 'cas':
        return state === input.from ? 'swaps' : `fails (the value is ${valueText(state)})`;
    }
  },
};
