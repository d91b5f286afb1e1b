// The SOP documents shipped with the app: default templates a local network
// adapts and signs off. Data only; each is checked by validateSop when the
// library loads it and by the tests in tests/sops.
import type { SopDocument } from '../engine';
import fastAf from './fast-af.json';
import aorticSyndrome from './aortic-syndrome.json';
import severeLvDysfunction from './severe-lv-dysfunction.json';
import severeValveDisease from './severe-valve-disease.json';
import heartBlock from './heart-block.json';
import cardiacMass from './cardiac-mass.json';
import pericardialEffusion from './pericardial-effusion.json';
import endocarditis from './endocarditis.json';
import contrastReaction from './contrast-reaction.json';
import rateControlDrugReaction from './rate-control-drug-reaction.json';
import deterioratingPatient from './deteriorating-patient.json';
import chestPain from './chest-pain.json';
import contrastExtravasation from './contrast-extravasation.json';
import mriSafetyIncident from './mri-safety-incident.json';
import stressEchoComplication from './stress-echo-complication.json';
import pulmonaryEmbolism from './pulmonary-embolism.json';
import hypoglycaemia from './hypoglycaemia.json';
import seizure from './seizure.json';
import collapse from './collapse.json';

// JSON imports widen literals (e.g. "template" to string); the validator, not
// the compiler, is what vouches for these documents.
const asSop = (json: unknown): SopDocument => json as SopDocument;

/** The finding SOPs, in the order the position statement lists them, then the extra list problems. */
export const builtInSops: readonly SopDocument[] = [
  fastAf,
  aorticSyndrome,
  severeLvDysfunction,
  severeValveDisease,
  heartBlock,
  cardiacMass,
  pericardialEffusion,
  endocarditis,
  contrastReaction,
  rateControlDrugReaction,
  deterioratingPatient,
  chestPain,
  contrastExtravasation,
  mriSafetyIncident,
  stressEchoComplication,
  pulmonaryEmbolism,
  hypoglycaemia,
  seizure,
].map(asSop);

/** The resuscitation pathway the "Patient collapsed" button enters from any step. */
export const collapseSop: SopDocument = asSop(collapse);
