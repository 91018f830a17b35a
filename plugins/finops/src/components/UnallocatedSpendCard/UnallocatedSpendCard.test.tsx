import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { UnallocatedSpendState } from '../../hooks/useUnallocatedSpend';
import {
  unallocatedSpend,
  unnamedUnallocatedSpend,
} from '../unallocatedTestData';
import { UnallocatedSpendCard } from './UnallocatedSpendCard';

function render(state: UnallocatedSpendState) {
  return renderInTestApp(<UnallocatedSpendCard state={state} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('UnallocatedSpendCard', () => {
  it('lists unclaimed vendor ids with the annotation that claims them', async () => {
    await render({ value: unallocatedSpend, loading: false });
    expect(screen.getByText('2026-10-30 to 2026-11-28')).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Unallocated spend by vendor id',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const cells = within(rows[0]).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('OpenAI');
    expect(cells[1]).toHaveTextContent('project proj_research');
    expect(cells[2]).toHaveTextContent('$18.40');
    expect(cells[2]).toHaveTextContent(
      'and $6.25 in the unallocated spend of a higher-ranked source',
    );
    expect(within(rows[1]).getAllByRole('cell')[2]).toHaveTextContent(
      /^\$9\.00$/,
    );
    expect(cells[3]).toHaveTextContent('nobody');
    expect(cells[4]).toHaveTextContent(
      'tollgate.dev/openai-projects: proj_research',
    );
    expect(cells[4]).toHaveTextContent(
      'under metadata.annotations of the Component or System whose spend it is',
    );
    const key = within(rows[2]).getAllByRole('cell');
    expect(key[0]).toHaveTextContent('Anthropic');
    expect(key[1]).toHaveTextContent('API key apikey_01Rj2N8SVvo6BePZj99NhmiT');
    expect(key[4]).toHaveTextContent(
      'tollgate.dev/api-keys: apikey_01Rj2N8SVvo6BePZj99NhmiT',
    );
  });

  it('names the entities whose claims conflict, linked, and how to resolve it', async () => {
    await render({ value: unallocatedSpend, loading: false });
    const table = screen.getByRole('table', {
      name: 'Unallocated spend by vendor id',
    });
    const cells = within(within(table).getAllByRole('row')[2]).getAllByRole(
      'cell',
    );
    expect(cells[1]).toHaveTextContent('project proj_shared');
    expect(
      within(cells[3]).getByRole('link', { name: /ticket-triage/ }),
    ).toHaveAttribute('href', '/catalog/default/component/ticket-triage');
    expect(
      within(cells[3]).getByRole('link', { name: /support-summarizer/ }),
    ).toHaveAttribute('href', '/catalog/default/component/support-summarizer');
    expect(cells[4]).toHaveTextContent(
      'keep it on the one whose spend it is and remove it from the others',
    );
  });

  it('lists entity refs the catalog lacks, and the spend nothing names', async () => {
    await render({ value: unallocatedSpend, loading: false });
    const table = screen.getByRole('table', {
      name: 'Unallocated spend of unknown entities',
    });
    const cells = within(within(table).getAllByRole('row')[1]).getAllByRole(
      'cell',
    );
    expect(cells[0]).toHaveTextContent('component:default/legacy-bot');
    expect(cells[1]).toHaveTextContent('$3.50');
    expect(cells[2]).toHaveTextContent(
      'Register component:default/legacy-bot in the catalog',
    );
    expect(screen.getByTestId('unallocated-other')).toHaveTextContent(
      'Of $42.10 unallocated, $7.00 carries neither a vendor id nor an entity ref.',
    );
  });

  it('says what would be listed when nothing is named', async () => {
    await render({ value: unnamedUnallocatedSpend, loading: false });
    expect(screen.getByTestId('unallocated-unnamed')).toHaveTextContent(
      'No unallocated spend carries a vendor id or an entity ref.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByTestId('unallocated-other')).toHaveTextContent(
      'Of $7.00 unallocated, $7.00 carries neither',
    );
  });

  it('shows the error of a refused read', async () => {
    await render({
      loading: false,
      error: new Error('permission finops.summary.read is required'),
    });
    expect(
      screen.getAllByText(/permission finops.summary.read is required/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('unallocated-other')).not.toBeInTheDocument();
  });
});
