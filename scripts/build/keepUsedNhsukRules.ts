// A PostCSS step for src/ui/nhs/nhs.scss only: keeps the nhsuk-frontend rules
// whose every nhsuk-* class is one the app renders, and drops the rest. A
// component's Sass brings its siblings (the card brings five other card
// variants and icons; the error summary brings list styles that restyle every
// <ul> and <ol> on the page), and Sass cannot leave a forwarded module out.
// The entry's own rules (theme colours, target sizes) restyle used classes only.

/** Every nhsuk-* class the app's markup uses (src/ui and the features' forms and steps). */
export const USED_NHSUK_CLASSES = new Set([
  'nhsuk-error-summary', 'nhsuk-error-summary__heading', 'nhsuk-error-summary__body', 'nhsuk-error-summary__list',
  'nhsuk-error-message',
  'nhsuk-form-group', 'nhsuk-form-group--error',
  'nhsuk-fieldset', 'nhsuk-fieldset__legend', 'nhsuk-fieldset__legend--s', 'nhsuk-label', 'nhsuk-hint',
  'nhsuk-radios', 'nhsuk-radios--inline', 'nhsuk-radios__item', 'nhsuk-radios__input', 'nhsuk-radios__label', 'nhsuk-radios__hint',
  'nhsuk-checkboxes', 'nhsuk-checkboxes__item', 'nhsuk-checkboxes__input', 'nhsuk-checkboxes__label', 'nhsuk-checkboxes__hint',
  'nhsuk-date-input', 'nhsuk-date-input__item', 'nhsuk-date-input__label', 'nhsuk-date-input__input',
  'nhsuk-input', 'nhsuk-input--width-2', 'nhsuk-input--width-4', 'nhsuk-input--error',
  'nhsuk-card', 'nhsuk-card__content', 'nhsuk-card__heading', 'nhsuk-card__heading-container', 'nhsuk-card__description',
  'nhsuk-card--warning',
  'nhsuk-card--care', 'nhsuk-card--care--non-urgent', 'nhsuk-card--care--urgent', 'nhsuk-card--care--emergency', 'nhsuk-card--care__arrow',
  'nhsuk-summary-list', 'nhsuk-summary-list__row', 'nhsuk-summary-list__key', 'nhsuk-summary-list__value',
]);

/** The entry this step rewrites; every other stylesheet passes untouched. */
const ENTRY = /[\\/]src[\\/]ui[\\/]nhs[\\/]nhs\.scss$/;
const NHSUK_CLASS = /\.(nhsuk-[\w-]+)/g;

/** True when a selector starts at a used nhsuk-* class and names no other nhsuk-* class. */
export function keepsSelector(selector: string): boolean {
  const classes = [...selector.matchAll(NHSUK_CLASS)].map((match) => match[1] ?? '');
  const start = selector.trim();
  // The search field's clear button points at an icon file the app does not ship.
  if (start.includes('::-webkit-search')) return false;
  // A bare element (`ul`, `ul:has(+ .nhsuk-form-group …)`) styles the page around a component: left out.
  return start.startsWith('.nhsuk-') && classes.every((name) => USED_NHSUK_CLASSES.has(name));
}

interface CssNode {
  type: string;
  selectors?: string[];
  selector?: string;
  nodes?: CssNode[];
  parent?: CssNode;
  remove(): void;
}
interface CssRoot { walkRules(visit: (rule: CssNode) => void): void; walkAtRules(visit: (rule: CssNode) => void): void }

/** The PostCSS plugin (structural types: PostCSS comes with Vite). */
export function keepUsedNhsukRules() {
  return {
    postcssPlugin: 'keep-used-nhsuk-rules',
    Once(root: CssRoot, { result }: { result: { opts: { from?: string } } }) {
      if (!ENTRY.test(result.opts.from ?? '')) return;
      root.walkRules((rule) => {
        // Keyframe steps and other rules inside at-rules that take no selector list.
        if (rule.parent?.type === 'atrule' && !rule.selectors) return;
        const kept = (rule.selectors ?? []).filter(keepsSelector);
        if (kept.length === 0) rule.remove();
        else rule.selector = kept.join(',\n');
      });
      // Media blocks left empty.
      let emptied = true;
      while (emptied) {
        emptied = false;
        root.walkAtRules((atRule) => {
          if (atRule.nodes && atRule.nodes.length === 0) {
            atRule.remove();
            emptied = true;
          }
        });
      }
    },
  };
}
keepUsedNhsukRules.postcss = true as const;
