import { describe, expect, it } from 'vitest';
import { assigneeGroups, decodeAssignee, encodeAssignee } from './assignee-choice.ts';

describe('assignee choices', () => {
  it('round-trips an agency, a team and a person', () => {
    for (const ids of [
      { assigneeAgencyId: 'a1', assigneeTeamId: null, assigneeUserId: null },
      { assigneeAgencyId: 'a1', assigneeTeamId: 't1', assigneeUserId: null },
      { assigneeAgencyId: 'a1', assigneeTeamId: null, assigneeUserId: 'u1' },
    ]) {
      expect(decodeAssignee(encodeAssignee(ids))).toEqual(ids);
    }
  });

  it('groups options by agency: the agency, its teams, its people', () => {
    const groups = assigneeGroups({
      complete: true,
      agencies: [
        { id: 'p', name: 'Northshire Police', owner: true, teams: [], users: [] },
        { id: 'c', name: 'Riverton City Council', owner: false, teams: [{ id: 't', name: 'Community Safety Team' }], users: [{ id: 'u', displayName: 'Raj Patel', teamIds: ['t'] }] },
      ],
    });
    expect(groups.map((g) => g.label)).toEqual(['Northshire Police (owner agency)', 'Riverton City Council']);
    expect(groups[1]!.options.map((o) => o.label)).toEqual(['Riverton City Council — anyone in the agency', 'Community Safety Team (team)', 'Raj Patel']);
  });
});
