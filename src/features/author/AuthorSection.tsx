// The Author section: the SOP library, the draft editor, version pages,
// comparisons and the print view, chosen by the path after /author.
import { subPath, usePath } from '../../shared/router';
import { authorRoute } from './authorPaths';
import { DiffView } from './diff/DiffView';
import { EditorView } from './editor/EditorView';
import { LibraryView } from './library/LibraryView';
import { LibraryLogView } from './libraryLog/LibraryLogView';
import { PrintView } from './print/PrintView';
import { VersionView } from './version/VersionView';
import './author.css';

export function AuthorSection() {
  const route = authorRoute(subPath(usePath()));
  switch (route.page) {
    case 'edit':
      return <EditorView key={route.key} draftKey={route.key} />;
    case 'view':
      return <VersionView key={route.key} versionKey={route.key} />;
    case 'print':
      return <PrintView key={route.key} versionKey={route.key} />;
    case 'compare':
      return <DiffView beforeKey={route.before} afterKey={route.after} />;
    case 'log':
      return <LibraryLogView />;
    case 'library':
      return <LibraryView />;
  }
}
