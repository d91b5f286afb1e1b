// The text of one episode's events in the exports, written straight from the
// chain as read (pack entries or stored rows): a CSV line per event, and the
// JSON an episode's events serialise to, byte for byte what JSON.stringify of
// the stored rows gives, without building a row object per event.
import { csvCell } from './csvText';
import { EVENT_KEYS, packHash, packPrevHash, type Chain } from '../packs';
import type { EpisodeRow } from '../database';

const DAY_MS = 86_400_000;
const pad = (value: number, digits: number) => String(value).padStart(digits, '0');

/**
 * toISOString for many times a few days apart: the date part is worked out
 * once per day and the time of day by arithmetic, which is what toISOString
 * gives for whole-or-fractional ms from 1970 to 9999 (fractions truncated).
 */
function isoWriter(): (epochMs: number) => string {
  let dayStart = NaN;
  let dayText = '';
  return (epochMs) => {
    if (!(epochMs >= 0 && epochMs < 253402300800000)) return new Date(epochMs).toISOString();
    const ms = Math.trunc(epochMs);
    if (!(ms >= dayStart && ms < dayStart + DAY_MS)) {
      dayStart = ms - (ms % DAY_MS);
      dayText = new Date(dayStart).toISOString().slice(0, 11);
    }
    const ofDay = ms - dayStart;
    const seconds = Math.floor(ofDay / 1000);
    return `${dayText}${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(ofDay % 1000, 3)}Z`;
  };
}

/** A cache of the text of a few repeated values (event types, step ids): most events share a handful of them. */
function textCache(textOf: (value: string) => string): (value: string) => string {
  const texts = new Map<string, string>();
  return (value) => {
    let text = texts.get(value);
    if (text === undefined) {
      text = textOf(value);
      if (texts.size < 1_000) texts.set(value, text);
    }
    return text;
  };
}

/**
 * csvCell for the JSON text of a packed event's data, always an object: it
 * starts with '{' (never a formula) and holds a quote unless it is '{}', so
 * the quoting is known without testing the text.
 */
const dataCell = (json: string): string => (json === '{}' ? json : `"${json.replaceAll('"', '""')}"`);

/** Writes one line per event of the episode into `lines` (columns as EVENT_HEADER in csvExport.ts). */
export function eventCsvLinesWriter(): (episode: EpisodeRow, chain: Chain, lines: string[]) => void {
  const repeated = textCache(csvCell);
  const isoOf = isoWriter();
  // An ISO time of years 0000-9999 starts with a digit and holds no quote or comma: only other years need csvCell.
  const timeCell = (at: number) => {
    const text = isoOf(at);
    const first = text.charCodeAt(0);
    return first >= 48 && first <= 57 ? text : csvCell(text);
  };
  return (episode, chain, lines) => {
    const episodeCell = csvCell(episode.id);
    const start = episode.startedAt;
    if (chain.kind === 'rows') {
      for (const ev of chain.rows) {
        lines.push(
          `${episodeCell},${ev.seq},${csvCell(ev.id)},${repeated(ev.type)},${repeated(ev.stepId)},${timeCell(ev.at)},`
          + `${Math.round((ev.at - start) / 1000)},${Math.round(ev.mono)},${csvCell(JSON.stringify(ev.data))},${csvCell(ev.prevHash)},${csvCell(ev.hash)}`,
        );
      }
      return;
    }
    const { events, hex } = chain;
    for (let index = 0; index < events.length; index += 1) {
      const [id, type, stepId, data, at, mono] = events[index]!;
      // Hashes are hex, which no spreadsheet reads as a formula and which needs no quotes.
      lines.push(
        `${episodeCell},${index + 1},${csvCell(id)},${repeated(type)},${repeated(stepId)},${timeCell(at)},`
        + `${Math.round((at - start) / 1000)},${Math.round(mono)},${dataCell(JSON.stringify(data))},${packPrevHash(hex, index)},${packHash(hex, index)}`,
      );
    }
  };
}

/** Where each of a row's keys sits among an event's values (EVENT_KEYS order), and the `,"key":` text before it. */
interface KeyLayout {
  slots: number[];
  prefixes: string[];
}

function keyLayout(keys: readonly string[]): KeyLayout {
  return {
    slots: keys.map((key) => EVENT_KEYS.indexOf(key as (typeof EVENT_KEYS)[number])),
    prefixes: keys.map((key, at) => `${at === 0 ? '{' : ','}${JSON.stringify(key)}:`),
  };
}

/**
 * Writes the JSON array of an episode's events into `pieces`, as
 * JSON.stringify writes the stored rows (in their own key order). The caller
 * joins the pieces of a whole chunk at once: one copy of the text, not one per
 * episode and another per chunk.
 */
export function eventsJsonWriter(): (chain: Chain, pieces: string[]) => void {
  const repeated = textCache((value) => JSON.stringify(value));
  const layouts = new Map<string, KeyLayout>();
  return (chain, pieces) => {
    if (chain.kind === 'rows') {
      pieces.push(JSON.stringify(chain.rows));
      return;
    }
    const order = chain.keys.join();
    let layout = layouts.get(order);
    if (!layout) layouts.set(order, (layout = keyLayout(chain.keys)));
    eventsJson(chain, layout, repeated, pieces);
  };
}

function eventsJson(chain: Extract<Chain, { kind: 'pack' }>, layout: KeyLayout, repeated: (value: string) => string, pieces: string[]): void {
  const { events, hex } = chain;
  const [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9] = layout.prefixes;
  const [o0, o1, o2, o3, o4, o5, o6, o7, o8, o9] = layout.slots as [number, number, number, number, number, number, number, number, number, number];
  const episodeId = JSON.stringify(chain.episodeId);
  for (let index = 0; index < events.length; index += 1) {
    const [id, type, stepId, data, at, mono] = events[index]!;
    // In EVENT_KEYS order. Numbers parsed from JSON are finite, so String() writes them as JSON.stringify does.
    const v = [
      episodeId, String(index + 1), JSON.stringify(id), repeated(type), repeated(stepId), JSON.stringify(data),
      String(at), String(mono), `"${packPrevHash(hex, index)}"`, `"${packHash(hex, index)}"`,
    ];
    pieces.push(`${index === 0 ? '[' : ','}${s0}${v[o0]}${s1}${v[o1]}${s2}${v[o2]}${s3}${v[o3]}${s4}${v[o4]}${s5}${v[o5]}${s6}${v[o6]}${s7}${v[o7]}${s8}${v[o8]}${s9}${v[o9]}}`);
  }
  pieces.push(events.length === 0 ? '[]' : ']');
}
