// A key-value store (get, put, append) as a sequential specification, one partition per key
// (P-compositionality: no op reads or writes two keys). A key starts as "".
import type { Model, Operation } from './search';

export type KvInput =
  | { readonly f: 'get'; readonly process: number; readonly key: string }
  | { readonly f: 'put'; readonly process: number; readonly key: string; readonly value: string }
  | { readonly f: 'append'; readonly process: number; readonly key: string; readonly value: string };

/** A get's string; null for put and append, and for an op whose outcome is unknown. */
export type KvOutput = string | null;

function inputText(input: KvInput): string {
  const head = `p${input.process} ${input.f} ${JSON.stringify(input.key)}`;
  return input.f === 'get' ? head : `${head} ${JSON.stringify(input.value)}`;
}

/** The value of one key: each partition holds one key's ops. */
export const kvModel: Model<string, KvInput, KvOutput> = {
  init: () => '',
  step(state, input, output) {
    switch (input.f) {
      case 'get':
        return output === null || output === state ? state : undefined;
      case 'put':
        return input.value;
      case 'append':
        return state + input.value;
    }
  },
  key: (state) => state,
  unknownOutput: () => null,
  readOnly: (input) => input.f === 'get',
  partition(ops) {
    const byKey = new Map<string, Operation<KvInput, KvOutput>[]>();
    for (const op of ops) {
      const list = byKey.get(op.input.key);
      if (list === undefined) byKey.set(op.input.key, [op]);
      else list.push(op);
    }
    return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
  },
  describeOperation: (input, output) =>
    input.f === 'get' && output !== null ? `${inputText(input)} -> ${JSON.stringify(output)}` : inputText(input),
  describeAnswer: (state, input) => (input.f === 'get' ? `gets ${JSON.stringify(state)}` : `${input.f}s`),
};
