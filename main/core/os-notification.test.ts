import { describe, expect, it } from 'vitest';
import { alertFor } from './my-notifications.ts';
import { osNotificationOf } from './os-notification.ts';

describe('desktop notification words', () => {
  it('says "You have a new task" only when every new one is a task, and nothing when none arrived', () => {
    expect(alertFor([])).toBeNull();
    expect(alertFor([{ kind: 'task_assigned' }, { kind: 'task_assigned' }])).toEqual({ message: 'You have a new task' });
    expect(alertFor([{ kind: 'task_assigned' }, { kind: 'marker_added' }])).toEqual({ message: 'You have new notifications' });
    expect(alertFor([{ kind: 'access_request_to_decide' }])).toEqual({ message: 'You have new notifications' });
  });

  it('the OS notification carries the product name and the fixed words only: no ids, names or anything a payload smuggles in', () => {
    const id = '0192f3a4-1111-7222-8333-944455566677';
    expect(osNotificationOf('notifications.arrived', { message: 'You have a new task' })).toEqual({ title: 'Casebridge', body: 'You have a new task', silent: false });
    const smuggled = { message: 'You have a new task', caseId: id, personName: 'Alex Testperson' } as never;
    expect(osNotificationOf('notifications.arrived', smuggled)).toBeNull();
    expect(osNotificationOf('notifications.arrived', { message: `Task ${id} for Alex` } as never)).toBeNull();
    expect(osNotificationOf('sync.status', { connection: 'online' } as never)).toBeNull();
  });
});
