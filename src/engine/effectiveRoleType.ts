// The role type the position-statement rules use, whatever the document
// declares. An author cannot make a 999 line or the referring GP count as
// "a clinician reached": an emergency line (999, 111, 112, an ambulance
// service; by the role's id, its title or the number the local directory
// gives it) is of the ambulance type, and the referrer / GP is the referrer
// type. A crash-call role typed "resuscitation" keeps its type: it is not a
// clinical hand-over either, and "arrest team or 999" is a real local line.
import type { Role } from './schema/document';
import type { RoleType } from './schema/primitives';

/** The national emergency and urgent numbers (facts, not local numbers). */
export const EMERGENCY_NUMBERS: readonly string[] = ['999', '111', '112'];

const EMERGENCY_WORDS = /(^|[^0-9])(999|111|112)([^0-9]|$)|ambulance|paramedic|emergency services|\bnhs ?111\b|\bhems\b/i;
const REFERRER_WORDS = /\b(gp|gps|referr(?:er|ers|ing|al)|general practi(?:ce|tioner)s?)\b/i;

/** Digits only; a UK emergency number dialled with a leading + or spaces is still that number. */
export function isEmergencyNumber(phone: string): boolean {
  const digits = phone.replace(/[^0-9]/g, '');
  return EMERGENCY_NUMBERS.includes(digits);
}

export interface RoleTypeReading {
  type: RoleType;
  /** Why the declared type was overridden, in plain words; null when the declared type stands. */
  overridden: string | null;
}

/**
 * What the role really is. `phone` is the local directory's number for the
 * role when the caller knows it (Settings, the library on a tablet).
 */
export function readRoleType(role: Pick<Role, 'id' | 'title' | 'type'>, phone?: string): RoleTypeReading {
  const words = `${role.id.replace(/-/g, ' ')} ${role.title}`;
  const emergencyByNumber = phone !== undefined && isEmergencyNumber(phone);
  if (emergencyByNumber || EMERGENCY_WORDS.test(words)) {
    if (role.type === 'ambulance' || role.type === 'resuscitation') return { type: role.type, overridden: null };
    const why = emergencyByNumber ? `the local directory gives it the number ${phone!.trim()}` : `its name ("${role.title}") is an emergency line`;
    return { type: 'ambulance', overridden: `${why}, so it is treated as an ambulance line, never as a "${role.type}"` };
  }
  if (REFERRER_WORDS.test(words) && role.type !== 'referrer') {
    return { type: 'referrer', overridden: `its name ("${role.title}") is the referrer or GP, who never counts as a clinician reached the same day` };
  }
  return { type: role.type, overridden: null };
}

export const effectiveRoleType = (role: Pick<Role, 'id' | 'title' | 'type'>, phone?: string): RoleType => readRoleType(role, phone).type;
