import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { PeriodSelect } from './PeriodSelect';

describe('PeriodSelect', () => {
  it('is named by its label and the period it shows', async () => {
    await renderInTestApp(<PeriodSelect value={30} onChange={jest.fn()} />);
    const select = screen.getByRole('button', { name: 'Period Last 30 days' });
    expect(select).toHaveTextContent('Last 30 days');
    expect(select).not.toHaveAttribute('aria-label');
  });

  it('answers the chosen period in days', async () => {
    const onChange = jest.fn();
    await renderInTestApp(<PeriodSelect value={30} onChange={onChange} />);
    fireEvent.mouseDown(screen.getByRole('button', { name: /^Period/ }));
    fireEvent.click(screen.getByRole('option', { name: 'Last 90 days' }));
    expect(onChange).toHaveBeenCalledWith(90);
  });
});
