// During an episode the header folds to one row so the decision stays above
// the fold; the sections stay one tap away, the theme switch on every screen.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppHeader } from '../../src/app/AppHeader';
import { EMPTY_SESSION } from '../../src/shared/session';

const sections = () => screen.queryByRole('navigation', { name: 'Sections' });

describe('app header', () => {
  it('shows the sections and the theme switch outside an episode', () => {
    render(<AppHeader section="log" session={EMPTY_SESSION} />);
    expect(sections()).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sections' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dark theme' })).toBeInTheDocument();
  });

  it('folds the sections behind one button during an episode, keeping the theme switch', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<AppHeader section="escalate" session={EMPTY_SESSION} compact />);
    expect(sections()).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dark theme' })).toBeInTheDocument();
    const fold = screen.getByRole('button', { name: 'Sections' });
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    await user.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    expect(sections()).toBeInTheDocument();
    // Leaving the episode shows the sections again, folded or not.
    rerender(<AppHeader section="escalate" session={EMPTY_SESSION} />);
    expect(sections()).toBeInTheDocument();
  });
});
