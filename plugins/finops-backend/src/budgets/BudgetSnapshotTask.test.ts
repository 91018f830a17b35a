import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { BudgetSnapshotTask } from './BudgetSnapshotTask';

/** Schedules the task from `budgets` config; answers what was scheduled. */
async function schedule(budgets?: JsonObject) {
  const scheduler = mockServices.scheduler.mock();
  const refresh = jest.fn(async () => undefined as never);
  const config = new ConfigReader(budgets ? { tollgate: { budgets } } : {});
  await BudgetSnapshotTask.fromConfig(config, {
    scheduler,
    budgets: { refresh },
  }).schedule();
  expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
  const [task] = scheduler.scheduleTask.mock.calls[0];
  return { task, refresh };
}

describe('BudgetSnapshotTask', () => {
  it('refreshes every refreshMinutes on each replica by default', async () => {
    const { task } = await schedule();
    expect(task).toEqual({
      id: 'finops-budget-snapshot',
      frequency: { minutes: 5 },
      timeout: { minutes: 10 },
      scope: 'local',
      fn: expect.any(Function),
    });

    const { task: configured } = await schedule({ refreshMinutes: 2 });
    expect(configured).toMatchObject({ frequency: { minutes: 2 } });
  });

  it('follows tollgate.budgets.schedule when it is given, still on each replica', async () => {
    const { task } = await schedule({
      refreshMinutes: 2,
      schedule: {
        frequency: { cron: '*/3 * * * *' },
        timeout: 'PT1M',
        initialDelay: { seconds: 30 },
      },
    });
    expect(task).toMatchObject({
      id: 'finops-budget-snapshot',
      frequency: { cron: '*/3 * * * *' },
      timeout: { minutes: 1 },
      initialDelay: { seconds: 30 },
      scope: 'local',
    });

    const { task: global } = await schedule({
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 5 },
        scope: 'global',
      },
    });
    expect(global).toMatchObject({ frequency: { hours: 1 }, scope: 'global' });
  });

  it('names the key of an invalid schedule', async () => {
    await expect(
      schedule({ schedule: { frequency: { minutes: 1 } } }),
    ).rejects.toThrow(/timeout/);
    await expect(schedule({ refreshMinutes: 0 })).rejects.toThrow(
      'tollgate.budgets.refreshMinutes',
    );
  });

  it('makes a periodic refresh of the snapshot', async () => {
    const { task, refresh } = await schedule();
    await task.fn(new AbortController().signal);
    expect(refresh).toHaveBeenCalledWith('schedule');
  });
});
