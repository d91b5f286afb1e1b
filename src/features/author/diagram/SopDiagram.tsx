// The SOP flow diagram: lazy-loads dagre, lays the steps out, and lets the
// author pan, zoom and click a step to edit it. The step list beneath is the
// text alternative (and what remains if the layout library fails to load).
import { useEffect, useMemo, useState } from 'react';
import { Banner } from '../../../ui/Banner';
import type { Problem, SopDocument } from '../../../engine';
import { diagramModel } from './diagramModel';
import { DiagramSvg } from './DiagramSvg';
import { layoutDiagram, type Dagre, type DiagramLayout } from './layoutDiagram';
import { diagramTiles } from './diagramTiles';
import { DAGRE_LOAD_FAILED, loadDagre } from './loadDagre';
import { StepListAlternative } from './StepListAlternative';

/** Above this many steps a picture is unreadable and slow to paint: the list is offered instead. */
export const MAX_DRAWN_STEPS = 1500;
import { usePanZoom } from './usePanZoom';
import './diagram.css';
import { WarningCallout } from '../../../ui/WarningCallout';

interface Props {
  doc: SopDocument;
  problems?: readonly Problem[];
  selected?: string | null;
  onSelect?(stepId: string): void;
  /** Print: no toolbar, no pan or zoom, no list. */
  still?: boolean;
  /** Injected in tests; the app loads dagre lazily. */
  load?: () => Promise<Dagre>;
}

/** The still (printed) diagram: page-sized tiles at a legible scale, never one picture shrunk to the page. */
function PrintedDiagram({ layout, title }: { layout: DiagramLayout; title: string }) {
  const { scale, tiles, rows, columns } = diagramTiles(layout.width, layout.height);
  return (
    <>
      {tiles.length > 1 && (
        <p className="sop-diagram__tiles-note">
          {`Printed in ${tiles.length} parts (${rows} down × ${columns} across) at ${Math.round(scale * 100)} % so every word stays legible; parts join edge to edge, read left to right, then down.`}
        </p>
      )}
      {tiles.map((tile) => {
        const part = tiles.length > 1 ? `part ${tile.row * columns + tile.column + 1} of ${tiles.length}` : undefined;
        return (
          <figure key={`${tile.row}-${tile.column}`} className="sop-diagram__tile">
            {part && <figcaption className="sop-diagram__tile-caption">{`Flow, ${part} (row ${tile.row + 1}, column ${tile.column + 1})`}</figcaption>}
            <DiagramSvg layout={layout} title={title} part={part} viewBox={`${tile.x} ${tile.y} ${tile.width} ${tile.height}`} width={tile.width * scale} />
          </figure>
        );
      })}
    </>
  );
}

export function SopDiagram({ doc, problems = [], selected = null, onSelect, still = false, load = loadDagre }: Props) {
  const [dagre, setDagre] = useState<Dagre | null>(null);
  const [failed, setFailed] = useState(false);
  const model = useMemo(() => diagramModel(doc, problems), [doc, problems]);
  const tooLarge = model.nodes.length > MAX_DRAWN_STEPS;

  useEffect(() => {
    if (tooLarge) return undefined;
    let cancelled = false;
    load().then(
      (loaded) => !cancelled && setDagre(() => loaded),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [load, tooLarge]);

  const layout = useMemo(() => {
    if (!dagre || tooLarge) return null;
    try {
      return layoutDiagram(dagre, model);
    } catch {
      return null;
    }
  }, [dagre, model, tooLarge]);
  const panZoom = usePanZoom(layout?.width ?? 1, layout?.height ?? 1);

  return (
    <section className={still ? 'sop-diagram sop-diagram--still' : 'sop-diagram'} aria-label="Flow diagram">
      {failed && <Banner tone="error">{DAGRE_LOAD_FAILED}</Banner>}
      {tooLarge && (
        <WarningCallout>
          {`This SOP has ${model.nodes.length.toLocaleString('en-GB')} steps: too many to draw legibly (the limit is ${MAX_DRAWN_STEPS.toLocaleString('en-GB')}). Every step and where it leads is listed below.`}
        </WarningCallout>
      )}
      {!failed && !tooLarge && !layout && <p role="status">Drawing the diagram…</p>}
      {layout && !still && (
        <div className="sop-diagram__toolbar" role="toolbar" aria-label="Diagram zoom">
          <button type="button" className="button button--secondary" onClick={panZoom.zoomIn} aria-label="Zoom in">+</button>
          <button type="button" className="button button--secondary" onClick={panZoom.zoomOut} aria-label="Zoom out">−</button>
          <button type="button" className="button button--secondary" onClick={panZoom.fit}>Fit</button>
        </div>
      )}
      {layout && still && <PrintedDiagram layout={layout} title={doc.title} />}
      {layout && !still && (
        <div className="sop-diagram__canvas" {...panZoom.handlers}>
          <DiagramSvg layout={layout} title={doc.title} viewBox={panZoom.viewBox} selected={selected} onSelect={onSelect} />
        </div>
      )}
      {!still && (
        <details className="sop-diagram__list" open={failed || tooLarge}>
          <summary>Steps as a list</summary>
          <StepListAlternative model={model} onSelect={onSelect} />
        </details>
      )}
    </section>
  );
}
