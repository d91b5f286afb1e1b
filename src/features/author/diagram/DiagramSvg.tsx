// Draws a laid-out SOP as SVG: shapes by step kind, outcomes coloured AND
// labelled by urgency, problem steps outlined in red with a "!" and words.
// Pure rendering of a layout, so print and the benchmark reuse it.
import { Fragment, useId, type KeyboardEvent } from 'react';
import { URGENCY_LABEL } from '../../../engine';
import type { DiagramLayout, PlacedNode } from './layoutDiagram';

interface Props {
  layout: DiagramLayout;
  title: string;
  viewBox?: string;
  selected?: string | null;
  onSelect?(stepId: string): void;
  /** Print: drawn at this many CSS px wide, not fitted to its box. */
  width?: number;
  /** Print: which tile of the diagram this is ("part 2 of 4"). */
  part?: string;
}

const KIND_WORD = { question: 'Question', actions: 'Actions', contact: 'Call', wait: 'Wait', modality: 'Modality', outcome: '' } as const;

function Glyph({ node }: { node: PlacedNode }) {
  const x = -node.width / 2 + 14;
  const y = -node.height / 2 + 14;
  switch (node.kind) {
    case 'contact': // a handset
      return <path className="glyph" d={`M${x} ${y - 4} q-2 10 8 16 l3 -3 -4 -4 -2 2 q-4 -3 -4 -7 l2 -2 -4 -4 z`} />;
    case 'wait': // a clock
      return (
        <g className="glyph">
          <circle cx={x + 4} cy={y + 4} r={8} fill="none" />
          <path d={`M${x + 4} ${y - 1} v5 h4`} fill="none" />
        </g>
      );
    case 'actions': // a ticked box
      return (
        <g className="glyph">
          <rect x={x - 4} y={y - 4} width={16} height={16} fill="none" />
          <path d={`M${x - 1} ${y + 4} l4 4 l6 -9`} fill="none" />
        </g>
      );
    case 'question': // a small diamond
      return <path className="glyph" d={`M${x + 4} ${y - 5} l8 8 -8 8 -8 -8 z`} fill="none" />;
    default:
      return null;
  }
}

function shapeOf(node: PlacedNode) {
  const w = node.width;
  const h = node.height;
  if (node.kind === 'question') {
    const cut = 18;
    return <path className="node-shape" d={`M${-w / 2 + cut} ${-h / 2} H${w / 2 - cut} L${w / 2} 0 L${w / 2 - cut} ${h / 2} H${-w / 2 + cut} L${-w / 2} 0 Z`} />;
  }
  if (node.kind === 'outcome') return <rect className="node-shape" x={-w / 2} y={-h / 2} width={w} height={h} rx={h / 2} />;
  if (node.kind === 'modality') return <path className="node-shape" d={`M${-w / 2 + 12} ${-h / 2} H${w / 2} L${w / 2 - 12} ${h / 2} H${-w / 2} Z`} />;
  return <rect className="node-shape" x={-w / 2} y={-h / 2} width={w} height={h} rx={node.kind === 'contact' ? 10 : 2} />;
}

function Node({ node, selected, onSelect }: { node: PlacedNode; selected: boolean; onSelect?(id: string): void }) {
  const problem = node.problems.length > 0;
  const classes = ['node', `node--${node.kind}`];
  if (node.urgency) classes.push(`node--${node.urgency}`);
  if (problem) classes.push('node--problem');
  if (selected) classes.push('node--selected');
  const words = node.urgency ? [URGENCY_LABEL[node.urgency].toUpperCase(), ...node.lines] : node.lines;
  const label = `${KIND_WORD[node.kind] || 'Outcome'}: ${node.lines.join(' ')}${node.urgency ? ` (${URGENCY_LABEL[node.urgency]})` : ''}${problem ? `. Problem: ${node.problems.join('; ')}` : ''}`;
  const interactive = onSelect !== undefined;
  const problemCount = node.problems.length === 1 ? '1 problem' : `${node.problems.length} problems`;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(node.id);
    }
  };
  return (
    <g
      className={classes.join(' ')}
      transform={`translate(${node.x} ${node.y})`}
      role={interactive ? 'button' : undefined}
      tabIndex={interactive ? 0 : undefined}
      // The name starts with the words drawn on the node, in their order (axe label-content-name-mismatch; voice control).
      aria-label={interactive ? `${node.start ? 'START ' : ''}${words.join(' ')}${problem ? ` ${problemCount}` : ''}: edit step ${node.id}. ${label}` : undefined}
      data-step={node.id}
      onClick={interactive ? () => onSelect(node.id) : undefined}
      onKeyDown={interactive ? onKey : undefined}
    >
      {/* A tooltip only where the node is a picture: on a button the name says it all, and axe counts a title's words as visible text. */}
      {interactive ? null : <title>{label}</title>}
      {shapeOf(node)}
      <Glyph node={node} />
      {node.start && <text className="node-start" x={-node.width / 2} y={-node.height / 2 - 6}>START</text>}
      {node.start ? ' ' : null}
      <text className="node-text" textAnchor="middle" y={-((words.length - 1) * 18) / 2 + 5}>
        {words.map((line, i) => (
          // A space between the lines, so their words read apart (as the name says them), not run together.
          <Fragment key={i}>
            {i > 0 ? ' ' : null}
            <tspan x={0} dy={i === 0 ? 0 : 18} className={node.urgency && i === 0 ? 'node-urgency' : undefined}>{line}</tspan>
          </Fragment>
        ))}
      </text>
      {problem ? ' ' : null}
      {problem && (
        <g className="node-problem-mark">
          <circle cx={node.width / 2 - 4} cy={-node.height / 2 + 4} r={11} />
          {/* The exclamation mark drawn, not written: a glyph has no words to read. */}
          <path className="node-problem-bang" d={`M${node.width / 2 - 4} ${-node.height / 2 - 3} v9 M${node.width / 2 - 4} ${-node.height / 2 + 9} v1.5`} />
          <text className="node-problem-text" x={-node.width / 2} y={node.height / 2 + 14}>
            {problemCount}
          </text>
        </g>
      )}
    </g>
  );
}

export function DiagramSvg({ layout, title, viewBox, selected = null, onSelect, width, part }: Props) {
  // Ids of its own: a printed diagram is drawn as several tiles on one page.
  const id = `sop-diagram${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const outcomes = layout.nodes.filter((n) => n.kind === 'outcome').length;
  const problems = layout.nodes.filter((n) => n.problems.length > 0).length;
  return (
    <svg
      className="sop-diagram__svg"
      viewBox={viewBox ?? `0 0 ${Math.max(layout.width, 1)} ${Math.max(layout.height, 1)}`}
      preserveAspectRatio="xMidYMin meet"
      {...(width === undefined ? {} : { width, style: { width: `${width}px`, maxWidth: 'none' } })}
      role="group"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{`Diagram of ${title}${part ? `, ${part}` : ''}`}</title>
      <desc id={`${id}-desc`}>
        {`${layout.nodes.length} steps, ${layout.edges.length} links, ${outcomes} outcomes${problems ? `, ${problems} steps with problems` : ''}. The same steps are listed as text below.`}
      </desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" className="edge-arrow" />
        </marker>
      </defs>
      <g className="edges">
        {layout.edges.map((edge) => (
          <g key={edge.name} className="edge">
            <polyline points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')} markerEnd={`url(#${id}-arrow)`} />
            {edge.labelLines.length > 0 && (
              <text x={edge.labelX} y={edge.labelY + 4 - ((edge.labelLines.length - 1) * 14) / 2} textAnchor="middle" className="edge-label">
                {edge.labelLines.map((line, i) => (
                  <tspan key={i} x={edge.labelX} dy={i === 0 ? 0 : 14}>{line}</tspan>
                ))}
              </text>
            )}
          </g>
        ))}
      </g>
      <g className="nodes">
        {layout.nodes.map((node) => (
          <Node key={node.id} node={node} selected={selected === node.id} onSelect={onSelect} />
        ))}
      </g>
    </svg>
  );
}
