import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { navigate, sectionOf, subPath, usePath } from '../../src/shared/router';

describe('router', () => {
  it('maps paths to sections, with Escalate as the home screen', () => {
    expect(sectionOf('/')).toBe('escalate');
    expect(sectionOf('/log/episode/abc')).toBe('log');
    expect(sectionOf('/settings')).toBe('settings');
    expect(sectionOf('/nonsense')).toBe('escalate');
    expect(subPath('/log/episode/abc')).toEqual(['episode', 'abc']);
  });

  it('updates subscribers on navigate and on the browser back button', () => {
    navigate('/', { replace: true });
    const { result } = renderHook(() => usePath());
    act(() => navigate('/author'));
    expect(result.current).toBe('/author');
    act(() => {
      window.history.replaceState(null, '', '/log');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current).toBe('/log');
  });
});
