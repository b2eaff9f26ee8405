// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkerIndicator } from './MarkerIndicator.tsx';

afterEach(cleanup);

describe('the marker flag of a list row', () => {
  it('leads with staff safety and names every warning for assistive technology', () => {
    render(<MarkerIndicator types={['staff_safety', 'weapons']} />);
    const flag = screen.getByTestId('marker-indicator');
    expect(flag.textContent).toContain('⚠ Staff safety +1');
    expect(flag.querySelector('.visually-hidden')?.textContent).toBe('Staff safety warning, Weapons warning');
  });

  it('shows nothing without a warning', () => {
    render(<MarkerIndicator types={[]} />);
    expect(screen.queryByTestId('marker-indicator')).toBeNull();
  });
});
