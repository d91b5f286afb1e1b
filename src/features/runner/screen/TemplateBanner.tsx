// An SOP that is not locally approved says so on every screen, in one line
// (the warning first; the version is at the end, where a narrow screen cuts it).
import type { SopDocument } from '../../../engine';
import { Banner } from '../../../ui/Banner';

export function TemplateBanner({ doc }: { doc: SopDocument }) {
  if (doc.status === 'approved') return null;
  return (
    <Banner tone="warning" label="Template warning" compact>
      <strong>Template — not yet signed off locally. Follow your local procedure.</strong> {doc.title}, version {doc.version} ({doc.status}).
    </Banner>
  );
}
