import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SourceFreshness } from './SourceFreshness';

describe('SourceFreshness', () => {
  it('names the progress bar of a backfill in progress', async () => {
    await renderInTestApp(
      <SourceFreshness
        sources={[
          {
            id: 'openai:demo-openai',
            type: 'openai',
            stale: true,
            running: true,
            progress: { daysDone: 30, daysTotal: 120 },
          },
        ]}
      />,
    );
    expect(screen.getByText(/Backfill: 30 of 120 days/)).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'openai:demo-openai: backfill progress',
      }),
    ).toHaveAttribute('aria-valuenow', '25');
  });
});
