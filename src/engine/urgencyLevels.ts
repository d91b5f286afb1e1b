// The one list of urgency tiers, most urgent first. Plain data with no schema
// library, so the first screen (the Escalate list's order and words) can
// import it without valibot.
export const URGENCIES = ['emergency', 'same-day', 'urgent', 'routine'] as const;

export type Urgency = (typeof URGENCIES)[number];
