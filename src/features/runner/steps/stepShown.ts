// Whether a step screen is the one on show or one made ready out of sight (see
// StepStage). A screen made ready must not take focus, listen for keys or tick.
import { createContext, useContext } from 'react';

export const StepShownContext = createContext(true);

export const useStepShown = (): boolean => useContext(StepShownContext);
