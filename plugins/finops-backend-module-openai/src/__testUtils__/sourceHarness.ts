import { ConfigReader } from '@backstage/config';
import { DayWindow } from '@tollgate/plugin-finops-common';
import {
  ReceivedRequest,
  ReplayAnswer,
  collectCostSourceItems,
  startReplayCostSource,
} from '@tollgate/plugin-finops-node/testUtils';
import { readOpenAiSourceConfigs } from '../config/readOpenAiSourceConfigs';
import { OpenAiCostSource } from '../OpenAiCostSource';
import { RECORDED_DAY, answerRecorded } from './recordedOpenAi';

export const RECORDED_WINDOW: DayWindow = {
  from: RECORDED_DAY,
  to: RECORDED_DAY,
};

/** A source reading a local server that answers as given (by default, recorded). */
export function startSource(
  answer: (request: ReceivedRequest) => ReplayAnswer = answerRecorded,
) {
  return startReplayCostSource(answer, (baseUrl, retry) => {
    const [config] = readOpenAiSourceConfigs(
      new ConfigReader({
        tollgate: {
          sources: {
            openai: [
              {
                id: 'org',
                baseUrl,
                adminKey: 'sk-admin-test',
                timeout: { milliseconds: 500 },
              },
            ],
          },
        },
      }),
    );
    return OpenAiCostSource.fromConfig(config, { retry });
  });
}

/** What a fetch yields, and what it throws. */
export function collect(
  source: OpenAiCostSource,
  window: DayWindow = RECORDED_WINDOW,
) {
  return collectCostSourceItems(source, window);
}

export const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
