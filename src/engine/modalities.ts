// The one list of modalities and their labels. Plain data with no schema
// library, so the first screen can import it without valibot.
export const MODALITIES = ['echo', 'ct', 'mri'] as const;

export type Modality = (typeof MODALITIES)[number];

export const MODALITY_LABEL: Readonly<Record<Modality, string>> = {
  echo: 'Echo',
  ct: 'Cardiac CT',
  mri: 'Cardiac MRI',
};
