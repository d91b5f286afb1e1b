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
    expect(within(canvas).getByRole('button', { name: /Edit step out0\. Outcome: Outcome 0 \(Emergency now\)/ })).toBeInTheDocument();
    expect(within(canvas).getByRole('button', { name: /Edit step wait0\. .*Problem: / })).toHaveClass('node--problem');
    expect(within(canvas).getByText('1 problem')).toBeInTheDocument();
    expect(within(canvas).getByText('EMERGENCY NOW')).toBeInTheDocument();

    await user.click(within(canvas).getByRole('button', { name: /Edit step call0/ }));
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
});
