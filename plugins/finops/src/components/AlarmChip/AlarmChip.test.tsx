import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AlarmChip } from './AlarmChip';

describe('AlarmChip', () => {
  it("draws an alarm in Backstage's error colours, not the secondary colour", async () => {
    await renderInTestApp(<AlarmChip label="hard" alarm />);
    const chip = screen.getByText('hard').closest('.MuiChip-root')!;
    expect(chip).not.toHaveClass('MuiChip-colorSecondary');
    // errorText #CA001B on errorBackground #FFEBEE: 5.2:1.
    expect(chip).toHaveStyle({
      color: '#CA001B',
      backgroundColor: '#FFEBEE',
    });
  });

  it('draws anything else as a default chip', async () => {
    await renderInTestApp(<AlarmChip label="soft" alarm={false} />);
    const chip = screen.getByText('soft').closest('.MuiChip-root')!;
    expect(chip).toHaveClass('MuiChip-sizeSmall');
    expect(chip).not.toHaveStyle({ color: '#CA001B' });
  });
});
