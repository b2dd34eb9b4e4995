// Which run a ring shows: the page's by default, one of the compare view's inside its provider.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { FlyingState } from '../../store/flying';
import { mainSim, type SimInstance, type SimState } from '../../store/simStore';

export const SimContext = createContext<SimInstance>(mainSim);

/** The ring's run's state (as `useSim` for the page's). */
export function useRingSim<T>(selector: (state: SimState) => T): T {
  return useStore(useContext(SimContext).useSim, selector);
}

/** The ring's run's messages in flight. */
export function useRingFlying(): FlyingState {
  return useContext(SimContext).flying;
}
