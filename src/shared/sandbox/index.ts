// The author's sandbox reaches the runner through this named entry, not by
// importing the runner: the shell fills the context with the runner's
// SandboxRunner once the escalation runtime has loaded (sectionModules.ts).
import { createContext, useContext, type ComponentType } from 'react';
import type { DirectoryContact } from '../../db/config';
import type { Modality, SopDocument } from '../../engine';

export interface SandboxPathStep {
  stepId: string;
  via: string | null;
}

export interface SandboxRunnerProps {
  doc: SopDocument;
  modality: Modality;
  path?: readonly SandboxPathStep[];
  collapse?: SopDocument;
  directory?: Record<string, DirectoryContact>;
}

export const SandboxContext = createContext<ComponentType<SandboxRunnerProps> | null>(null);

/** The runner's sandbox, or null where the shell provides none (then say so, never crash). */
export function useSandboxRunner(): ComponentType<SandboxRunnerProps> | null {
  return useContext(SandboxContext);
}
