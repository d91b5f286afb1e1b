// Short clinical vignettes for clinician review: what the worker sees, how
// they answer each question, and the tier the SOP must land on. `answers`
// are the option ids of the questions in the order they come up; calls are
// answered by the first listed outcome (the call goes through) unless
// `calls` says otherwise ("timeout" lets a wait run out).
import type { Modality, Urgency } from '../../src/engine';

export interface Vignette {
  sop: string;
  title: string;
  /** Two to four sentences a clinician can read. */
  text: string;
  modality: Modality;
  answers: string[];
  /** Contact outcomes and wait endings in the order they come up, when not the first one. */
  calls?: string[];
  expectedTier: Urgency;
}

export const vignettes: Vignette[] = [
  // Atrial arrhythmia with a rapid ventricular rate
  {
    sop: 'fast-af', title: 'Fast AF with shock', modality: 'echo', expectedTier: 'emergency',
    text: 'A 72-year-old woman referred for breathlessness becomes dizzy during the echo. The 12-lead ECG shows an irregular narrow-complex rhythm at 165/min; BP 82/50 and she is cold and clammy.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'fast-af', title: 'AF over 150 on the CT table', modality: 'ct', expectedTier: 'same-day',
    text: 'A 58-year-old man attends for CT coronary angiography. The 12-lead ECG confirms AF with narrow complexes at 158/min. BP 128/80; no chest pain, not breathless, no stroke signs. He came alone by car, so an ambulance is booked.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'fast-af', title: 'New AF, stable, normal LV', modality: 'mri', expectedTier: 'urgent',
    text: 'A 66-year-old man having cardiac MRI is in AF at 122/min on a 12-lead ECG taken outside the scanner room. AF is not in his records; palpitations began about 3 weeks ago. He feels well, BP 134/82, LVEF 55% on cine.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'newOld', 'no'],
  },
  {
    sop: 'fast-af', title: 'Known permanent AF, rate 118', modality: 'echo', expectedTier: 'urgent',
    text: 'An 80-year-old woman with known permanent AF on apixaban attends for valve surveillance. Ventricular rate 118/min at rest, narrow complexes, no symptoms, BP 140/85. LVEF 55%, unchanged.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'known', 'no', 'yes'],
  },
  {
    sop: 'fast-af', title: 'Known AF, rate 96, no new symptoms', modality: 'echo', expectedTier: 'routine',
    text: 'A 77-year-old man with known permanent AF on bisoprolol and apixaban attends for valve surveillance. Ventricular rate 96/min at rest, no new symptoms, BP 132/78. LVEF 52%, unchanged.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'known', 'no', 'no', 'no'],
  },
  {
    sop: 'fast-af', title: 'AF with new arm weakness', modality: 'echo', expectedTier: 'emergency',
    text: 'A 74-year-old woman in AF at 128/min, not anticoagulated, says her right hand has felt clumsy for the last 20 minutes. BP 150/88 and no other adverse features.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'fast-af', title: 'Irregular broad-complex tachycardia', modality: 'echo', expectedTier: 'emergency',
    text: 'A 35-year-old man has an irregular rhythm at 210/min with broad, varying QRS complexes. He feels palpitations but is otherwise comfortable, BP 118/76.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'yes'],
  },

  // Suspected acute aortic syndrome
  {
    sop: 'aortic-syndrome', title: 'Flap in a dilated root after sudden back pain', modality: 'echo', expectedTier: 'emergency',
    text: 'A 61-year-old man with hypertension has an echo for a murmur. The aortic root is 52 mm with a linear mobile echo in the ascending aorta and new moderate aortic regurgitation. He mentions sudden back pain this morning; BP 150/90 right arm, 128/80 left.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'flap'],
  },
  {
    sop: 'aortic-syndrome', title: 'Suspected flap, nobody at the aortic centre answers', modality: 'echo', expectedTier: 'emergency',
    text: 'Same picture as above on a Friday evening list. 999 is called; the aortic centre does not answer and does not call back within 5 minutes, and the cardiology registrar does not answer either. The emergency department takes the pre-alert.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'flap'], calls: ['dispatched', 'noAnswer', 'timeout', 'noAnswer', 'accepted'],
  },
  {
    sop: 'aortic-syndrome', title: 'Aneurysm with new back pain', modality: 'ct', expectedTier: 'emergency',
    text: 'A 68-year-old man on a CT coronary list has an abdominal aortic aneurysm of 6.2 cm in the field of view. No flap is seen, but he mentions new back pain since yesterday.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'aneurysm', 'yes'],
  },
  {
    sop: 'aortic-syndrome', title: 'Asymptomatic 5.9 cm aneurysm on CT', modality: 'ct', expectedTier: 'urgent',
    text: 'A 74-year-old man has CT coronary angiography. The radiographer notices an abdominal aortic aneurysm of 5.9 cm; the radiologist confirms no flap or haematoma. No pain, not tender, BP normal in both arms.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'aneurysm', 'no', 'no', 'large'],
  },
  {
    sop: 'aortic-syndrome', title: 'Ascending aorta 4.6 cm, no symptoms', modality: 'mri', expectedTier: 'routine',
    text: 'A 55-year-old woman has cardiac MRI. The ascending aorta measures 4.6 cm with no flap or haematoma. She has no pain.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'aneurysm', 'no', 'no', 'smaller'],
  },
  {
    sop: 'aortic-syndrome', title: 'Marfan syndrome, aortic root 5.2 cm', modality: 'echo', expectedTier: 'urgent',
    text: 'A 31-year-old man with Marfan syndrome has an echo; the aortic root measures 5.2 cm (leading edge to leading edge, end-diastole) with no flap. He has no pain and BP is equal in both arms.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'aneurysm', 'no', 'yes', 'large'],
  },
  {
    sop: 'aortic-syndrome', title: 'Flap and slurred speech', modality: 'ct', expectedTier: 'emergency',
    text: 'A 66-year-old woman on a CT coronary list has a possible flap in the ascending aorta. While on the table her speech becomes slurred and her left arm weak, starting 10 minutes ago.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'yes'],
  },

  // Unknown symptomatic severe LV systolic dysfunction
  {
    sop: 'severe-lv-dysfunction', title: 'LVEF 20% and breathless at rest', modality: 'echo', expectedTier: 'emergency',
    text: 'A 69-year-old man referred with breathlessness has an LVEF of 20%. He cannot lie flat for the scan, is breathless talking, SpO2 91%, BP 96/60.',
    answers: ['yes', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'severe-lv-dysfunction', title: 'Possible peripartum cardiomyopathy', modality: 'mri', expectedTier: 'same-day',
    text: 'A 34-year-old woman who gave birth 3 months ago is referred with breathlessness on exertion. Cardiac MRI shows an LVEF of 28%. Observations are normal (NEWS2 1) and there is no VT. Her partner can drive her to the hospital.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'low', 'no', 'yes', 'byCar'],
  },
  {
    sop: 'severe-lv-dysfunction', title: 'LVEF 30%, stable exertional symptoms', modality: 'echo', expectedTier: 'urgent',
    text: 'A 62-year-old man has 2 months of breathlessness on exertion. LVEF 30%, sinus rhythm, no LV thrombus. Comfortable at rest, NEWS2 0, symptoms unchanged for weeks.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'low', 'no', 'no'],
  },
  {
    sop: 'severe-lv-dysfunction', title: 'LVEF 25% with a 4-beat run of VT', modality: 'echo', expectedTier: 'same-day',
    text: 'A 57-year-old man with new LVEF 25% has a single 4-beat run of broad complexes on the monitor. He felt nothing, BP 122/74, NEWS2 1.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'low', 'runs', 'ambulance'],
  },
  {
    sop: 'severe-lv-dysfunction', title: 'LVEF 30%, cannot lie flat, comfortable sitting', modality: 'echo', expectedTier: 'same-day',
    text: 'A 71-year-old woman with new LVEF 30% cannot lie flat for the scan, so it is done sitting up. Sitting, she is comfortable and talks in full sentences; SpO2 96%, NEWS2 1.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'low', 'no', 'yes', 'ambulance'],
  },

  // Unknown symptomatic severe valvular dysfunction
  {
    sop: 'severe-valve-disease', title: 'Rocking mechanical mitral valve', modality: 'echo', expectedTier: 'emergency',
    text: 'A 78-year-old man with a mechanical mitral valve has been breathless for a week. The prosthesis rocks and there is a large paravalvular leak. BP 118/70, comfortable at rest.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'severe-valve-disease', title: 'Severe AS with exertional syncope', modality: 'echo', expectedTier: 'same-day',
    text: 'An 81-year-old woman referred for a murmur has severe aortic stenosis (Vmax 4.6 m/s, mean gradient 52 mmHg). She fainted climbing stairs last week. Today she is well, BP 130/70; she lives alone and came by taxi.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'severe-valve-disease', title: 'Severe AS, fainted on the stairs this morning', modality: 'echo', expectedTier: 'same-day',
    text: 'A 79-year-old man has severe aortic stenosis (Vmax 4.8 m/s). He fainted climbing the stairs at home this morning and came round at once; here he has not fainted and is well, BP 128/74.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'severe-valve-disease', title: 'Bioprosthetic aortic valve with higher gradients', modality: 'echo', expectedTier: 'same-day',
    text: 'A 74-year-old woman with a bioprosthetic aortic valve has a mean gradient of 38 mmHg, up from 18 mmHg two years ago. The leaflets are hard to see; there is no rocking or paravalvular leak and she is comfortable.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'possible'],
  },
  {
    sop: 'severe-valve-disease', title: 'Severe MR, breathless on hills', modality: 'mri', expectedTier: 'urgent',
    text: 'A 70-year-old man has severe primary mitral regurgitation on cardiac MRI (regurgitant volume 70 mL). He has been breathless walking uphill for months and is comfortable at rest.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'severe-valve-disease', title: 'Severe AR in a marathon runner', modality: 'echo', expectedTier: 'routine',
    text: 'A 45-year-old man has severe aortic regurgitation (vena contracta 7 mm) with a normal-sized LV. He runs marathons and has no symptoms.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
  },

  // Unknown second- or third-degree heart block
  {
    sop: 'heart-block', title: 'Complete heart block with broad QRS', modality: 'echo', expectedTier: 'emergency',
    text: 'An 84-year-old woman has a heart rate of 34/min during the echo. The 12-lead ECG shows complete heart block with a broad-complex escape rhythm. She feels light-headed; BP 110/60.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'heart-block', title: '2:1 block and a blackout last week', modality: 'echo', expectedTier: 'emergency',
    text: 'A 76-year-old man has 2:1 AV block at 40/min with narrow complexes. He blacked out without warning in his kitchen last week. Today he feels well, BP 146/80.',
    answers: ['yes', 'no', 'yes'],
  },
  {
    sop: 'heart-block', title: 'Narrow-complex complete heart block before CT', modality: 'ct', expectedTier: 'same-day',
    text: 'A 70-year-old man attends for CT coronary angiography; no beta-blocker has been given. The 12-lead ECG shows complete heart block with a narrow-complex escape at 44/min. No symptoms, BP 150/80.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'chbNarrow'],
  },
  {
    sop: 'heart-block', title: 'Mobitz I with dizzy spells', modality: 'mri', expectedTier: 'urgent',
    text: 'A 65-year-old man has a 12-lead ECG outside the scanner room showing Mobitz I (Wenckebach) block, ventricular rate 52/min. He has had dizzy spells for a month; BP normal.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'mobitz1', 'yes'],
  },
  {
    sop: 'heart-block', title: 'Wenckebach in a young athlete', modality: 'echo', expectedTier: 'routine',
    text: 'A 28-year-old endurance athlete has Wenckebach block at rest, ventricular rate 50/min, and no symptoms. The rest of the echo is normal.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'mobitz1', 'no'],
  },

  // Unknown cardiac tumour, mass or thrombus
  {
    sop: 'cardiac-mass', title: 'Left atrial mass and new arm weakness', modality: 'echo', expectedTier: 'emergency',
    text: 'A 67-year-old woman has a large mobile left atrial mass prolapsing through the mitral valve. During the scan she develops slurred speech and right arm weakness, starting 5 minutes ago.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'cardiac-mass', title: 'Thrombus in transit, no symptoms', modality: 'echo', expectedTier: 'emergency',
    text: 'A 70-year-old woman 10 days after knee replacement has a long, serpiginous, mobile thrombus in the right atrium prolapsing into the right ventricle. She has no symptoms; pulse 88, BP 134/80, SpO2 97%.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'rightThrombus'],
  },
  {
    sop: 'cardiac-mass', title: 'Mobile apical LV thrombus after MI', modality: 'echo', expectedTier: 'same-day',
    text: 'A 58-year-old man 6 weeks after an anterior myocardial infarction has a mobile apical LV thrombus. He feels well with no neurological symptoms. His wife offers to drive him, but a mobile thrombus is high-risk, so an ambulance is booked.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'leftThrombus'],
  },
  {
    sop: 'cardiac-mass', title: 'Right atrial mass from the IVC', modality: 'ct', expectedTier: 'urgent',
    text: 'A 63-year-old man with known renal cancer has a mass in the right atrium extending from the inferior vena cava on CT; the radiologist reviews it while he stays on the table. He has no symptoms.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'malignant'],
  },
  {
    sop: 'cardiac-mass', title: 'Small fixed septal mass', modality: 'mri', expectedTier: 'routine',
    text: 'A 50-year-old woman has cardiac MRI showing a small, fixed, fat-containing thickening of the interatrial septum. No symptoms.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'benign'],
  },

  // Unknown significant pericardial effusion
  {
    sop: 'pericardial-effusion', title: 'Large effusion with shock', modality: 'echo', expectedTier: 'emergency',
    text: 'A 59-year-old woman with lung cancer has a global 28 mm pericardial effusion. Pulse 118, BP 88/60, raised JVP, breathless lying flat.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'pericardial-effusion', title: 'Large effusion, stable, no collapse', modality: 'echo', expectedTier: 'same-day',
    text: 'A 48-year-old man has a global 24 mm effusion. Pulse 84, BP 132/80, JVP not raised (checked by the visiting cardiologist), not breathless. No chamber collapse or respiratory variation; aortic root normal.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'large'],
  },
  {
    sop: 'pericardial-effusion', title: 'Moderate effusion on CT', modality: 'ct', expectedTier: 'urgent',
    text: 'A 60-year-old woman has a 14 mm pericardial effusion on CT coronary angiography; the radiologist confirms no other acute finding. Observations normal, no symptoms.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'notChecked', 'no', 'no', 'no', 'no', 'no', 'moderate'],
  },
  {
    sop: 'pericardial-effusion', title: 'Effusion two weeks after a pacemaker', modality: 'echo', expectedTier: 'same-day',
    text: 'A 79-year-old man had a dual-chamber pacemaker fitted 2 weeks ago. Echo shows a new 14 mm global effusion with no chamber collapse. Pulse 80, BP 138/76, not breathless.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'notChecked', 'no', 'no', 'yes'],
  },
  {
    sop: 'pericardial-effusion', title: 'Small effusion with fever', modality: 'echo', expectedTier: 'same-day',
    text: 'A 44-year-old woman has a 7 mm effusion. She has had a temperature of 38.5 C and sharp chest pain on breathing in for 3 days. Pulse 96, BP 124/78.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'notChecked', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'pericardial-effusion', title: 'Moderate effusion, breathless lying flat only', modality: 'echo', expectedTier: 'same-day',
    text: 'A 66-year-old woman with a 15 mm effusion is breathless when the couch is laid flat but comfortable sitting up, SpO2 97%. Pulse 88, BP 130/80, no chamber collapse.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'notChecked', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'pericardial-effusion', title: 'Effusion with a flap in the aortic root', modality: 'echo', expectedTier: 'emergency',
    text: 'A 63-year-old man has a 12 mm effusion and a dilated aortic root with a mobile linear echo. Pulse 92, BP 142/84, no pain now.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'notChecked', 'no', 'yes'],
  },
  {
    sop: 'pericardial-effusion', title: 'Effusion and a blackout last week', modality: 'ct', expectedTier: 'emergency',
    text: 'A 71-year-old woman has a 16 mm effusion on CT. She blacked out at home 5 days ago. Today she is alert, pulse 98, BP 112/70.',
    answers: ['yes', 'no', 'yes'],
  },
  {
    sop: 'pericardial-effusion', title: 'Small effusion on MRI', modality: 'mri', expectedTier: 'routine',
    text: 'A 55-year-old man has a 6 mm pericardial effusion on cardiac MRI with no chamber collapse on cine. No symptoms.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'notChecked', 'no', 'no', 'no', 'no', 'no', 'no', 'small'],
  },

  // Possible active endocarditis
  {
    sop: 'endocarditis', title: 'Tricuspid vegetation and septic shock', modality: 'echo', expectedTier: 'emergency',
    text: 'A 45-year-old man who injects drugs has had fevers for 2 weeks. There is a large tricuspid vegetation. Temperature 39.2 C, breathing rate 26, BP 86/50.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'endocarditis', title: 'Vegetation on a bioprosthesis with fever', modality: 'echo', expectedTier: 'same-day',
    text: 'A 72-year-old woman with a bioprosthetic aortic valve has had a fever of 38.4 C for a week. A 9 mm mobile vegetation is seen on the prosthesis, which is stable and not leaking. NEWS2 3, no neurological signs.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'clear', 'ambulance'],
  },
  {
    sop: 'endocarditis', title: 'Equivocal leaflet thickening, well', modality: 'mri', expectedTier: 'urgent',
    text: 'A 52-year-old man has equivocal thickening of the anterior mitral leaflet on cardiac MRI. No fever, no prosthetic valve or device, no previous endocarditis, no injecting drug use. Well, NEWS2 0.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'equivocal', 'no'],
  },
  {
    sop: 'endocarditis', title: 'Mitral vegetation and sudden weak arm', modality: 'echo', expectedTier: 'emergency',
    text: 'A 60-year-old man with 3 weeks of fevers has a 12 mm mobile mitral vegetation. During the scan his left arm becomes weak and his face droops, 5 minutes ago. NEWS2 4.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },

  // Reaction to contrast
  {
    sop: 'contrast-reaction', title: 'Anaphylaxis to iodinated contrast', modality: 'ct', expectedTier: 'emergency',
    text: 'Two minutes after iodinated contrast a 63-year-old woman has swollen lips, a hoarse voice and wheeze; SpO2 90%. She says her throat feels tight.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'contrast-reaction', title: 'Widespread hives after gadolinium', modality: 'mri', expectedTier: 'same-day',
    text: 'Five minutes after gadolinium a 40-year-old man has widespread hives and swollen lips. He is talking normally, no wheeze, SpO2 98%, BP 128/80.',
    answers: ['yes', 'no', 'no', 'no', 'moderate'],
  },
  {
    sop: 'contrast-reaction', title: 'A few hives after echo contrast', modality: 'echo', expectedTier: 'routine',
    text: 'After an ultrasound-enhancing agent a 55-year-old woman has a few hives on the forearm and mild itch. Observations normal.',
    answers: ['yes', 'no', 'no', 'no', 'mild'],
  },
  {
    sop: 'contrast-reaction', title: 'Vasovagal reaction after cannulation and contrast', modality: 'ct', expectedTier: 'routine',
    text: 'A 29-year-old man goes pale and sweaty just after contrast, pulse 44, BP 82/50. There is no rash, swelling or wheeze. Lying flat with legs raised, he is back to pulse 70 and BP 118/70 within 5 minutes.',
    answers: ['yes', 'no', 'no', 'yes', 'yes', 'yes'],
  },
  {
    sop: 'contrast-reaction', title: 'Low BP with a fast pulse and hives', modality: 'mri', expectedTier: 'emergency',
    text: 'Four minutes after gadolinium a 52-year-old woman feels faint with hives on her chest. Pulse 124, BP 80/46; airway clear and no wheeze.',
    answers: ['yes', 'no', 'no', 'yes', 'no'],
  },

  // Bradycardia or hypotension after rate control for CT
  {
    sop: 'rate-control-drug-reaction', title: 'Faint with heart rate 38 after metoprolol', modality: 'ct', expectedTier: 'emergency',
    text: 'After intravenous metoprolol a 59-year-old man\'s heart rate falls to 38/min; he faints briefly on the table and his BP is 78/40. He comes round within seconds but is pale and clammy.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'rate-control-drug-reaction', title: 'Low BP after GTN not settling', modality: 'ct', expectedTier: 'same-day',
    text: 'After sublingual GTN a 66-year-old woman is light-headed with BP 92/58 (from 145/85), heart rate 58, sinus rhythm. After 10 minutes lying flat her BP is 100/62 and she still feels light-headed.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'notSettled'],
  },
  {
    sop: 'rate-control-drug-reaction', title: 'Dizzy after metoprolol and GTN, settles', modality: 'ct', expectedTier: 'routine',
    text: 'After oral metoprolol and GTN a 52-year-old man is dizzy sitting up, BP 98/60, heart rate 52, sinus rhythm. After 10 minutes lying flat his BP is 124/76 and he feels well.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'settled'],
  },

  // Deteriorating patient
  {
    sop: 'deteriorating-patient', title: 'Chest tightness and sweating during echo', modality: 'echo', expectedTier: 'emergency',
    text: 'A 76-year-old man develops central chest tightness and sweating during the echo. He is pale; BP 150/90, pulse 96.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'deteriorating-patient', title: 'Feverish on the MRI table, NEWS2 5', modality: 'mri', expectedTier: 'same-day',
    text: 'A 68-year-old woman feels shivery and unwell. Breathing rate 22, SpO2 95%, BP 104/70, pulse 112, temperature 38.6 C: NEWS2 5. No chest pain or stroke signs.',
    answers: ['yes', 'no', 'no', 'no', 'medium', 'ambulance'],
  },
  {
    sop: 'deteriorating-patient', title: 'Nauseous after CT, NEWS2 2', modality: 'ct', expectedTier: 'urgent',
    text: 'A 58-year-old man feels nauseous and light-headed after his CT. Pulse 98, other observations normal: NEWS2 2.',
    answers: ['yes', 'no', 'no', 'no', 'low'],
  },
  {
    sop: 'deteriorating-patient', title: 'Dizzy on standing, recovered', modality: 'echo', expectedTier: 'routine',
    text: 'A 45-year-old woman feels hot and dizzy when she stands after the echo, sits down and is back to normal within minutes. NEWS2 0.',
    answers: ['yes', 'no', 'no', 'no', 'zero'],
  },

  // Collapse (the pathway behind the "Patient collapsed" button)
  {
    sop: 'collapse', title: 'Cardiac arrest in the MRI scanner', modality: 'mri', expectedTier: 'emergency',
    text: 'A 70-year-old man stops responding in the scanner and is only gasping. He is moved out of the scanner room and CPR is started.',
    answers: ['notBreathing'],
  },
  {
    sop: 'collapse', title: 'Unresponsive but breathing after a fall', modality: 'echo', expectedTier: 'emergency',
    text: 'A 79-year-old woman collapses getting off the couch. She is breathing normally but does not respond.',
    answers: ['unresponsiveBreathing'],
  },
  {
    sop: 'collapse', title: 'Blackout without warning on the CT table', modality: 'ct', expectedTier: 'same-day',
    text: 'A 62-year-old woman blacks out without warning while lying on the CT table and comes round within 30 seconds. She is now alert, BP 130/80; the ECG shows bifascicular block.',
    answers: ['cameRound', 'no', 'yes', 'ambulance'],
  },
  {
    sop: 'collapse', title: 'Simple faint at cannulation', modality: 'echo', expectedTier: 'routine',
    text: 'A 30-year-old man faints while a cannula is put in for echo contrast. He felt hot and sick first and is back to normal within a minute; ECG normal.',
    answers: ['cameRound', 'no', 'no'],
  },

  // Chest pain: suspected acute coronary syndrome
  {
    sop: 'chest-pain', title: 'Chest tightness on the CT coronary list', modality: 'ct', expectedTier: 'emergency',
    text: 'A 61-year-old man attending for CT coronary angiography says he has had central chest tightness for the last 40 minutes. BP 146/88, pulse 92; the ECG shows no ST elevation.',
    answers: ['yes', 'no', 'now'],
  },
  {
    sop: 'chest-pain', title: 'Chest pain two days ago, pain-free now', modality: 'echo', expectedTier: 'same-day',
    text: 'A 67-year-old woman mentions 20 minutes of heavy central chest pain two days ago, none since. The 12-lead ECG shows no ST elevation or new LBBB; observations are normal.',
    answers: ['yes', 'no', 'recent', 'no'],
  },
  {
    sop: 'chest-pain', title: 'Exertional chest pain last week', modality: 'mri', expectedTier: 'urgent',
    text: 'A 58-year-old man says he had tightness walking uphill last week that eased with rest; he has had none since. The ECG outside the scanner room is normal.',
    answers: ['yes', 'no', 'older'],
  },

  // Contrast extravasation
  {
    sop: 'contrast-extravasation', title: 'Tense forearm and numb fingers after extravasation', modality: 'ct', expectedTier: 'emergency',
    text: 'About 90 mL of iodinated contrast leaks into the forearm of a 74-year-old woman. Thirty minutes later the forearm is tense and hard and her fingers are numb and pale.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'contrast-extravasation', title: 'Large-volume extravasation, skin intact', modality: 'ct', expectedTier: 'same-day',
    text: 'About 70 mL of iodinated contrast leaks at the antecubital fossa of a 55-year-old man. The arm is swollen but the hand is warm and pink; no blistering, and the pain is easing.',
    answers: ['yes', 'no', 'no', 'yes'],
  },
  {
    sop: 'contrast-extravasation', title: 'Small gadolinium extravasation', modality: 'mri', expectedTier: 'routine',
    text: 'About 5 mL of gadolinium leaks at the wrist of a 40-year-old woman. There is a small soft swelling, mild discomfort and a normal hand.',
    answers: ['yes', 'no', 'no', 'no'],
  },

  // MRI safety incident
  {
    sop: 'mri-safety-incident', title: 'Oxygen cylinder pins a porter', modality: 'mri', expectedTier: 'emergency',
    text: 'A steel oxygen cylinder brought in on a trolley is pulled into the bore and pins a porter against the scanner. He is conscious and talking but cannot move his leg.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'mri-safety-incident', title: 'Blistering burn on the calf', modality: 'mri', expectedTier: 'same-day',
    text: 'After a cardiac MRI a 50-year-old woman has a 3 cm blistered burn on her calf where her legs touched. She is otherwise well.',
    answers: ['yes', 'no', 'no', 'burn', 'yes'],
  },
  {
    sop: 'mri-safety-incident', title: 'ICD scanned without clearance, no symptoms', modality: 'mri', expectedTier: 'same-day',
    text: 'A 66-year-old man is found after his scan to have an ICD that was not declared. He has no symptoms and the ECG outside the scanner room is normal.',
    answers: ['yes', 'no', 'no', 'implant', 'yes', 'no'],
  },
  {
    sop: 'mri-safety-incident', title: 'Pacemaker patient faints after entering the room', modality: 'mri', expectedTier: 'emergency',
    text: 'A 79-year-old woman with a pacemaker not cleared for MRI walks into the scanner room and feels dizzy and faint. Outside the room her pulse is 38.',
    answers: ['yes', 'no', 'no', 'implant', 'yes', 'yes'],
  },
  {
    sop: 'mri-safety-incident', title: 'Quench with nobody hurt', modality: 'mri', expectedTier: 'routine',
    text: 'The magnet quenches during a scan and the helium vents outside as designed. The patient is brought out unharmed and feels well.',
    answers: ['yes', 'no', 'no', 'other'],
  },

  // Stress echo complications
  {
    sop: 'stress-echo-complication', title: 'Ischaemia persisting after dobutamine', modality: 'echo', expectedTier: 'emergency',
    text: 'At peak dobutamine a 68-year-old man develops chest pain with 3 mm ST depression. Ten minutes after stopping, and after the supervising doctor gives a beta-blocker, the pain and ST changes remain.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'stress-echo-complication', title: 'Bronchospasm after regadenoson', modality: 'echo', expectedTier: 'emergency',
    text: 'A 71-year-old woman with COPD becomes wheezy after regadenoson. SpO2 89% and she cannot finish a sentence.',
    answers: ['yes', 'no', 'no', 'yes'],
  },
  {
    sop: 'stress-echo-complication', title: 'Heart block that stays after adenosine', modality: 'echo', expectedTier: 'emergency',
    text: 'During an adenosine stress echo a 75-year-old man goes into complete heart block at 38/min. Two minutes after stopping it is still there; BP 118/70.',
    answers: ['yes', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'stress-echo-complication', title: 'AF continuing after dobutamine', modality: 'echo', expectedTier: 'same-day',
    text: 'A 64-year-old woman goes into AF at 130/min during dobutamine. It is still present 10 minutes after stopping; BP 124/76, no chest pain.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'yes'],
  },
  {
    sop: 'stress-echo-complication', title: 'Low BP during dobutamine, recovers', modality: 'echo', expectedTier: 'routine',
    text: 'A 59-year-old man\'s systolic BP falls to 84 at high-dose dobutamine, with no other symptoms. Ten minutes after stopping, lying flat, it is 118/72 and he feels well.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'yes', 'settled'],
  },

  // Pulmonary embolism / RV strain
  {
    sop: 'pulmonary-embolism', title: 'Saddle PE with low BP on CT', modality: 'ct', expectedTier: 'emergency',
    text: 'A 63-year-old woman on a CT coronary list has a saddle embolus and a dilated RV. Her BP is 84/56 and she is clammy.',
    answers: ['yes', 'yes'],
  },
  {
    sop: 'pulmonary-embolism', title: 'New RV dilatation on echo, stable', modality: 'echo', expectedTier: 'same-day',
    text: 'A 52-year-old man 3 weeks after a long flight has a new dilated, hypokinetic RV with apical sparing. He is breathless on stairs only; pulse 98, BP 132/80, SpO2 95%.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'new'],
  },
  {
    sop: 'pulmonary-embolism', title: 'Known PE on apixaban, RV unchanged', modality: 'mri', expectedTier: 'urgent',
    text: 'A 70-year-old woman diagnosed with PE 6 weeks ago on apixaban has cardiac MRI. The RV is mildly dilated, unchanged from her CT; she is well.',
    answers: ['yes', 'no', 'no', 'no', 'no', 'known'],
  },

  // Hypoglycaemia in a fasted patient
  {
    sop: 'hypoglycaemia', title: 'Drowsy and unable to swallow', modality: 'ct', expectedTier: 'emergency',
    text: 'A 69-year-old man on insulin who fasted for his CT becomes drowsy and muddled on the table; glucose 2.1 mmol/L. He cannot follow instructions or swallow safely.',
    answers: ['yes', 'no'],
  },
  {
    sop: 'hypoglycaemia', title: 'Low on gliclazide, recovers with juice', modality: 'echo', expectedTier: 'same-day',
    text: 'A 74-year-old woman on gliclazide who skipped breakfast is sweaty and shaky; glucose 3.2 mmol/L. After juice, her glucose is 5.8 at 15 minutes and she feels well.',
    answers: ['yes', 'yes', 'yes', 'yes'],
  },
  {
    sop: 'hypoglycaemia', title: 'Low on insulin, recovers with juice', modality: 'mri', expectedTier: 'routine',
    text: 'A 45-year-old man with type 1 diabetes feels shaky before his MRI; glucose 3.4 mmol/L. After juice, his glucose is 6.1 at 15 minutes and he eats a sandwich.',
    answers: ['yes', 'yes', 'yes', 'no'],
  },

  // Seizure
  {
    sop: 'seizure', title: 'Fit still going at 5 minutes', modality: 'mri', expectedTier: 'emergency',
    text: 'A 38-year-old woman starts fitting as she is brought out of the bore. The jerking is still going at 5 minutes.',
    answers: ['yes'], calls: ['timeout'],
  },
  {
    sop: 'seizure', title: 'First fit, now recovering', modality: 'echo', expectedTier: 'emergency',
    text: 'A 55-year-old man with no history of epilepsy has a 2-minute fit on the couch. Afterwards he is breathing normally but drowsy.',
    answers: ['yes', 'yes', 'no'], calls: ['stopped'],
  },
  {
    sop: 'seizure', title: 'Usual fit in known epilepsy, recovered', modality: 'ct', expectedTier: 'routine',
    text: 'A 30-year-old woman with known epilepsy has her usual 1-minute fit in the waiting area. She is not injured and is back to herself within 20 minutes.',
    answers: ['yes', 'yes', 'yes', 'no', 'no', 'yes'], calls: ['stopped'],
  },
  {
    sop: 'seizure', title: 'Known epilepsy, still muddled after 30 minutes', modality: 'echo', expectedTier: 'same-day',
    text: 'A 62-year-old man with known epilepsy has a single usual fit. Thirty minutes later he is still confused about where he is.',
    answers: ['yes', 'yes', 'yes', 'no', 'no', 'no'], calls: ['stopped'],
  },
];
