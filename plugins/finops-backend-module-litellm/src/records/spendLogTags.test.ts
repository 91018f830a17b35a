import { spendLogTags, text } from './spendLogTags';

describe('spendLogTags', () => {
  it('keeps who made a request, its model group and its tags', () => {
    expect(
      spendLogTags(
        {
          team_id: 'e8d1460f-846c-45d7-9b43-55f3cc52ac32',
          api_key: '88dc28..',
          user: 'default_user',
          end_user: 'palantir',
          organization_id: 'org-1',
          model_group: 'llama3',
        },
        {
          user_api_key_team_alias: 'Prod Team',
          user_api_key_alias: 'page-classifier',
          user_api_key_team_id: 'ignored, the row names its team',
        },
        [
          'taskName:run_page_classification',
          'jobID:214590dsff09fds',
          'jobID:214590dsff09fds',
        ],
      ),
    ).toEqual({
      'litellm.team_id': 'e8d1460f-846c-45d7-9b43-55f3cc52ac32',
      'litellm.team_alias': 'Prod Team',
      'litellm.key_alias': 'page-classifier',
      'litellm.api_key': '88dc28..',
      'litellm.user': 'default_user',
      'litellm.end_user': 'palantir',
      'litellm.organization_id': 'org-1',
      'litellm.model_group': 'llama3',
      'litellm.request_tags':
        '["jobID:214590dsff09fds","taskName:run_page_classification"]',
    });
  });

  it('reads the key metadata where the row has no value', () => {
    expect(
      spendLogTags(
        { team_id: null, user: '', end_user: '  ' },
        {
          user_api_key_team_id: 'team-1',
          user_api_key_user_id: 'u-1',
          user_api_key_org_id: 'org-2',
        },
        [],
        'component:default/',
      ),
    ).toEqual({
      'litellm.team_id': 'team-1',
      'litellm.user': 'u-1',
      'litellm.organization_id': 'org-2',
      'litellm.entity_ref': 'component:default/',
    });
    expect(spendLogTags({}, {}, [])).toEqual({});
  });

  it('takes text that holds something', () => {
    expect([text(' a '), text(''), text(null), text(3)]).toEqual([
      'a',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
