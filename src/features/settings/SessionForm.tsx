// Lets the user set the site, modality and operator role for this tablet.
// Saved on submit; the header shows the result on every screen.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { useSession } from '../../shared/session';
import { MODALITIES, MODALITY_LABEL, type Modality } from '../../shared/session';
import { Choices, RadioItem } from '../../ui/Choices';

export function SessionForm() {
  const { session, updateSession, saveError } = useSession();
  const [site, setSite] = useState(session.site);
  const [modality, setModality] = useState<Modality | null>(session.modality);
  const [operatorRole, setOperatorRole] = useState(session.operatorRole);
  const [saved, setSaved] = useState(false);
  const id = useId();

  useEffect(() => {
    setSite(session.site);
    setModality(session.modality);
    setOperatorRole(session.operatorRole);
  }, [session]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await updateSession({ site: site.trim(), modality, operatorRole: operatorRole.trim() });
    setSaved(true);
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>This session</h2>
      <div className="field">
        <label htmlFor={`${id}-site`}>Site</label>
        <span className="field__hint" id={`${id}-site-hint`}>
          The community diagnostic centre or room, as your service names it.
        </span>
        <input
          id={`${id}-site`}
          aria-describedby={`${id}-site-hint`}
          value={site}
          maxLength={120}
          autoComplete="off"
          onChange={(event) => {
            setSite(event.target.value);
            setSaved(false);
          }}
        />
      </div>
      <Choices legend="Modality" type="radio" inline>
        {MODALITIES.map((item) => (
          <RadioItem
            key={item}
            name={`${id}-modality`}
            value={item}
            checked={modality === item}
            onChange={() => {
              setModality(item);
              setSaved(false);
            }}
            label={MODALITY_LABEL[item]}
          />
        ))}
      </Choices>
      <div className="field">
        <label htmlFor={`${id}-role`}>Your role</label>
        <span className="field__hint" id={`${id}-role-hint`}>
          For example "Cardiac physiologist" or "Radiographer". Do not enter names.
        </span>
        <input
          id={`${id}-role`}
          aria-describedby={`${id}-role-hint`}
          value={operatorRole}
          maxLength={120}
          autoComplete="off"
          onChange={(event) => {
            setOperatorRole(event.target.value);
            setSaved(false);
          }}
        />
      </div>
      <Button type="submit">Save session</Button>
      <p role="status" className="settings__status">
        {saveError ?? (saved ? 'Session saved.' : '')}
      </p>
    </form>
  );
}
