import { agentOfTags, sessionOfTags } from './genAiTags';

describe('agentOfTags', () => {
  it('reads the agent id, else the agent name', () => {
    expect(
      agentOfTags({ 'gen_ai.agent.id': 'triage', 'gen_ai.agent.name': 'T' }),
    ).toBe('triage');
    expect(agentOfTags({ 'gen_ai.agent.name': 'Triage bot' })).toBe(
      'Triage bot',
    );
  });

  it('answers undefined without an agent, or with a blank one', () => {
    expect(agentOfTags(undefined)).toBeUndefined();
    expect(agentOfTags({ team: 'a' })).toBeUndefined();
    expect(
      agentOfTags({ 'gen_ai.agent.id': ' ', 'gen_ai.agent.name': 'named' }),
    ).toBe('named');
  });
});

describe('sessionOfTags', () => {
  it('reads the conversation id; a blank one names none', () => {
    expect(sessionOfTags({ 'gen_ai.conversation.id': 'conv-1' })).toBe(
      'conv-1',
    );
    expect(sessionOfTags({ 'gen_ai.conversation.id': ' ' })).toBeUndefined();
    expect(sessionOfTags({})).toBeUndefined();
  });
});
