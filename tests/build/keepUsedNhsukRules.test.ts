// The build step that keeps only the nhsuk-frontend rules the app renders.
import { describe, expect, it } from 'vitest';
import { keepsSelector } from '../../scripts/build/keepUsedNhsukRules';

describe('keepsSelector', () => {
  it('keeps rules for the classes the app renders', () => {
    expect(keepsSelector('.nhsuk-radios__input:focus + .nhsuk-radios__label::before')).toBe(true);
    expect(keepsSelector('.nhsuk-card--care--emergency .nhsuk-card__heading-container')).toBe(true);
  });

  it('drops card variants, icons and list styles the app does not use', () => {
    expect(keepsSelector('.nhsuk-card--feature')).toBe(false);
    expect(keepsSelector('.nhsuk-icon--size-50')).toBe(false);
    expect(keepsSelector('.nhsuk-list--tick')).toBe(false);
  });

  it('drops page-wide element rules and the search clear button', () => {
    expect(keepsSelector('ul')).toBe(false);
    expect(keepsSelector('ul:has(+ .nhsuk-form-group > .nhsuk-label:first-child)')).toBe(false);
    expect(keepsSelector('.nhsuk-input[type=search]::-webkit-search-cancel-button')).toBe(false);
  });

});
