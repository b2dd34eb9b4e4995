// The simulator's only source of randomness: a seeded xoroshiro128+ from pure-rand, whose state can be saved.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

export class Rng {
  private generator: Generator;
  constructor(seed: number | readonly number[]) {
    this.generator = typeof seed === 'number' ? xoroshiro128plus(seed) : xoroshiro128plusFromState(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    return (this.generator.next() >>> 0) / 4294967296;
  }
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability;
  }
  saveState(): number[] {
    return [...this.generator.getState()];
  }
}
