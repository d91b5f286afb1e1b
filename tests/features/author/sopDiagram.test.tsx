// The flow diagram: steps shaped by kind, outcomes labelled by urgency, the
// problem steps marked in words, a click on a step selects it for editing,
// and a failed load of the layout library says so instead of a blank space.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SopDiagram } from '../../../src/features/author/diagram/SopDiagram';
import type { Dagre } from '../../../src/features/author/diagram/layoutDiagram';
import { validateSop } from '../../../src/engine';
import { smallSop } from './authorFixtures';
import { diagramModel } from '../../../src/features/author/diagram/diagramModel';
import { layeredLayout, layoutDiagram, wrapLabel, DAGRE_MAX_STEPS } from '../../../src/features/author/diagram/layoutDiagram';
import { generateBranchingSop, generateLargeSop } from '../../support/engineGeneratedSop';

const loadDagre = () => import('@dagrejs/dagre').then((m) => m.default as unknown as Dagre);

describe('the SOP diagram', () => {
  it('draws every step, labels outcomes by urgency and marks steps with problems', async () => {
    const user = userEvent.setup();
    const doc = smallSop();
    const broken = { ...doc, steps: doc.steps.map((s) => (s.kind === 'wait' ? { ...s, onExpire: 'nowhere' } : s)) };
    const problems = validateSop(broken).problems;
    const onSelect = vi.fn();
    render(<SopDiagram doc={broken} problems={problems} onSelect={onSelect} load={loadDagre} />);

    const canvas = await screen.findByRole('group', { name: /Diagram of Tiny test SOP/ }, { timeout: 5000 });
    const nodes = within(canvas).getAllByRole('button');
    expect(nodes).toHaveLength(doc.steps.length);
    expect(within(canvas).getByRole('button', { name: /^EMERGENCY NOW Outcome 0: edit step out0\. Outcome: Outcome 0 \(Emergency now\)/ })).toBeInTheDocument();
    expect(within(canvas).getByRole('button', { name: /edit step wait0\. .*Problem: / })).toHaveClass('node--problem');
    expect(within(canvas).getByText('1 problem')).toBeInTheDocument();
    expect(within(canvas).getByText('EMERGENCY NOW')).toBeInTheDocument();

    await user.click(within(canvas).getByRole('button', { name: /edit step call0\./ }));
    expect(onSelect).toHaveBeenCalledWith('call0');
  });

  it('zooms in and out with the buttons, and Fit shows the whole SOP', async () => {
    const user = userEvent.setup();
    render(<SopDiagram doc={smallSop()} load={loadDagre} />);
    const svg = await screen.findByRole('group', { name: /Diagram of Tiny test SOP/ }, { timeout: 5000 });
    const width = () => Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const opened = width();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(width()).toBeCloseTo(opened / 1.25, 1);
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(width()).toBeGreaterThan(opened);
    await user.click(screen.getByRole('button', { name: 'Fit' }));
    expect(svg.getAttribute('viewBox')!.startsWith('0 0 ')).toBe(true);
  });

  it('explains a failed load and still lists the steps', async () => {
    render(<SopDiagram doc={smallSop()} load={() => Promise.reject(new Error('chunk gone'))} />);
    expect(await screen.findByText(/The diagram could not be drawn because part of the app did not load/)).toBeInTheDocument();
    expect(screen.getByText('Steps as a list')).toBeInTheDocument();
    expect(screen.getAllByText('ask0').length).toBeGreaterThan(0);
  });

  it('opens fitted to the view, the whole diagram in sight', async () => {
    render(<SopDiagram doc={smallSop()} load={loadDagre} />);
    const svg = await screen.findByRole('group', { name: /Diagram of Tiny test SOP/ }, { timeout: 5000 });
    const opened = svg.getAttribute('viewBox')!;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Fit' }));
    expect(svg.getAttribute('viewBox')).toBe(opened);
    expect(opened.startsWith('0 0 ')).toBe(true);
  });

  it('keeps every word of a long edge label, wrapped, with room for each line', async () => {
    const label = 'No answer after two attempts at the on-call registrar bleep';
    expect(wrapLabel(label).join(' ')).toBe(label);
    const doc = smallSop();
    const long = { ...doc, steps: doc.steps.map((s) => (s.kind === 'question' ? { ...s, options: s.options.map((o, i) => (i === 0 ? { ...o, label } : o)) } : s)) };
    const dagre = await loadDagre();
    const edge = layoutDiagram(dagre, diagramModel(long)).edges.find((e) => e.label === label)!;
    expect(edge.labelLines.join(' ')).toBe(label);
    expect(edge.labelLines.length).toBeGreaterThan(1);
  });

  it('lays a large SOP out in layers, every step placed apart', () => {
    const doc = generateLargeSop(60);
    expect(doc.steps.length).toBeGreaterThan(DAGRE_MAX_STEPS);
    const layout = layeredLayout(diagramModel(doc));
    expect(layout.nodes).toHaveLength(doc.steps.length);
    const places = new Set(layout.nodes.map((n) => `${n.x},${n.y}`));
    expect(places.size).toBe(doc.steps.length);
    const start = layout.nodes.find((n) => n.id === doc.start)!;
    expect(start.y).toBe(Math.min(...layout.nodes.map((n) => n.y)));
  });

  it('says a 5,000-step SOP is too large to draw and lists its steps instead', () => {
    const doc = generateBranchingSop(5000);
    // Plain DOM queries: role queries over 5,000 list items take minutes in jsdom.
    const { container } = render(<SopDiagram doc={doc} load={loadDagre} />);
    expect(container.textContent).toMatch(/This SOP has 4,999 steps: too many to draw legibly/);
    expect(container.querySelector('svg')).toBeNull();
    expect(container.querySelector('details.sop-diagram__list')).toHaveAttribute('open');
    expect(container.querySelectorAll('.step-list-alt > li')).toHaveLength(4999);
  });
});
