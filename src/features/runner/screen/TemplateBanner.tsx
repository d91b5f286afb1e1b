// An SOP that is not locally approved says so on every screen, in one line
// (the warning first; the version is at the end, where a narrow screen cuts it).
import { memo } from 'react';
import type { SopDocument } from '../../../engine';
import { Banner } from '../../../ui/Banner';

// Memoised: the document does not change from step to step, so a tap does not draw the banner again.
export const TemplateBanner = memo(function TemplateBanner({ doc }: { doc: SopDocument }) {
  if (doc.status === 'approved') return null;
  return (
    <Banner tone="warning" label="Template warning" compact>
      <strong>Template — not yet signed off locally. Follow your local procedure.</strong> {doc.title}, version {doc.version} ({doc.status}).
    </Banner>
  );
});
