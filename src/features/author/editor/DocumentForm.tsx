// The SOP's own fields: titles, finding, modalities, version, review date,
// start step, and the lists of contact roles and references.
import { useEffect, useId, useState } from 'react';
import { MODALITIES, ROLE_TYPES, type Reference, type Role, type SopDocument } from '../../../engine';
import { ItemGroup, NextStepField, linkOptionsOf, NumberField, SelectField, TextField, removeAt, replaceAt, withOptional } from './fields';
import { CheckboxItem, Choices } from '../../../ui/Choices';
import { DateInput } from '../../../ui/DateInput';
import { partsFromIso, readDate } from '../../../ui/calendarDate';

/**
 * The review date as the NHS date input (day, month, year), as on the publish
 * form. The document holds the ISO day, or '' while what is typed is not a
 * date yet (the SOP's own checks then say it is missing); the fields keep
 * what was typed, with the problem inline.
 */
function ReviewDueField({ value, onChange }: { value: string; onChange(iso: string): void }) {
  const id = useId();
  const [parts, setParts] = useState(() => partsFromIso(value));
  const reading = readDate(parts, 'Review due date');
  const typed = reading.kind === 'date' ? reading.iso : '';
  // A date set from elsewhere (an import, a restored draft) shows in the fields.
  useEffect(() => {
    if (value !== '' && value !== typed) setParts(partsFromIso(value));
    // Only a change of the document's value, not of what is being typed.
  }, [value]);
  return (
    <DateInput
      id={`${id}-review-due`}
      legend="Review due in this draft"
      hint="For example, 15 3 2027. Publishing asks for the date again, with the sign-off."
      value={parts}
      error={reading.kind === 'problem' ? { message: reading.message, part: reading.part } : null}
      onChange={(next) => {
        setParts(next);
        const read = readDate(next, 'Review due date');
        onChange(read.kind === 'date' ? read.iso : '');
      }}
    />
  );
}

export function DocumentForm({ doc, onChange }: { doc: SopDocument; onChange(next: SopDocument): void }) {
  const roles = doc.roles ?? [];
  const references = doc.references ?? [];
  const setRole = (i: number, role: Role) => onChange({ ...doc, roles: replaceAt(roles, i, role) });
  const setRef = (i: number, ref: Reference) => onChange({ ...doc, references: replaceAt(references, i, ref) });
  return (
    <section className="panel" aria-label="SOP details">
      <h2 id="sop-form-document" tabIndex={-1}>SOP details</h2>
      <TextField
        label="SOP id"
        hint='Lower-case words joined by hyphens, e.g. "fast-af". A new version of an SOP keeps its id.'
        value={doc.id}
        onChange={(sopId) => onChange({ ...doc, id: sopId })}
      />
      <TextField label="Title" value={doc.title} onChange={(title) => onChange({ ...doc, title })} />
      <TextField label="Short title" optional hint="Finding-first words for the Escalate list." value={doc.shortTitle} onChange={(t) => onChange(withOptional(doc, 'shortTitle', t))} />
      <TextField label="Finding" multiline value={doc.finding} onChange={(finding) => onChange({ ...doc, finding })} />
      <TextField
        label="Keywords"
        optional
        hint="Separated by commas; they help the search on the Escalate screen."
        value={(doc.keywords ?? []).join(', ')}
        onChange={(text) => onChange(withOptional(doc, 'keywords', text.trim() === '' ? undefined : text.split(',').map((k) => k.trim())))}
      />
      <Choices legend="Modalities" type="checkbox">
        {MODALITIES.map((m) => (
          <CheckboxItem
            key={m}
            checked={doc.modalities.includes(m)}
            onChange={(event) =>
              onChange({ ...doc, modalities: event.target.checked ? [...doc.modalities, m] : doc.modalities.filter((x) => x !== m) })
            }
            label={m.toUpperCase()}
          />
        ))}
      </Choices>
      <TextField label="Version" hint="Three numbers, e.g. 1.1.0." value={doc.version} onChange={(version) => onChange({ ...doc, version })} />
      <ReviewDueField value={doc.reviewDue} onChange={(reviewDue) => onChange({ ...doc, reviewDue })} />
      <TextField label="Local adaptation notes" optional multiline value={doc.localAdaptation} onChange={(t) => onChange(withOptional(doc, 'localAdaptation', t))} />
      <NextStepField label="Start step" value={doc.start} options={linkOptionsOf(doc.steps)} onChange={(start) => onChange({ ...doc, start })} />

      <h3 id="sop-form-roles" tabIndex={-1}>Contact roles</h3>
      <p className="field__hint">Roles only: names and numbers are filled in by each service in Settings › Contacts directory.</p>
      {roles.map((role, i) => (
        <ItemGroup key={i} legend={`Role ${i + 1}: ${role.title || '(untitled)'}`} onRemove={() => onChange({ ...doc, roles: removeAt(roles, i) })} removeLabel={`Remove role ${i + 1}`}>
          <TextField label="Role title" value={role.title} onChange={(title) => setRole(i, { ...role, title })} />
          <TextField label="Role id" hint='Lower-case words joined by hyphens, e.g. "cardiology-registrar".' value={role.id} onChange={(id) => setRole(i, { ...role, id })} />
          <SelectField label="Type" value={role.type} options={ROLE_TYPES.map((t) => ({ value: t, label: t }))} onChange={(type) => setRole(i, { ...role, type: type as Role['type'] })} />
          <TextField label="Note" optional multiline value={role.note} onChange={(note) => setRole(i, withOptional(role, 'note', note))} />
        </ItemGroup>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange({ ...doc, roles: [...roles, { id: `role-${roles.length + 1}`, title: '', type: 'clinician' }] })}>
        Add a role
      </button>

      <h3 id="sop-form-references" tabIndex={-1}>References</h3>
      {references.map((ref, i) => (
        <ItemGroup key={i} legend={`Reference ${i + 1}`} onRemove={() => onChange({ ...doc, references: removeAt(references, i) })} removeLabel={`Remove reference ${i + 1}`}>
          <TextField label="Title" multiline value={ref.title} onChange={(title) => setRef(i, { ...ref, title })} />
          <TextField label="Reference id" value={ref.id} onChange={(id) => setRef(i, { ...ref, id })} />
          <TextField label="Publisher" optional value={ref.publisher} onChange={(p) => setRef(i, withOptional(ref, 'publisher', p))} />
          <NumberField label="Year" value={ref.year} onChange={(year) => setRef(i, withOptional(ref, 'year', year))} />
          <TextField label="Web address" optional value={ref.url} onChange={(url) => setRef(i, withOptional(ref, 'url', url))} />
          <TextField label="Note" optional multiline value={ref.note} onChange={(note) => setRef(i, withOptional(ref, 'note', note))} />
        </ItemGroup>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange({ ...doc, references: [...references, { id: `ref-${references.length + 1}`, title: '' }] })}>
        Add a reference
      </button>
    </section>
  );
}
