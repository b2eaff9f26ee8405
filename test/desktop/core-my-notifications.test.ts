/**
 * The user's own notifications on the desktop (docs/notifications.md), against a real server and
 * a real encrypted cache: a task the police assign to the council reaches the council user's
 * Notifications with an unread count; after a sync the core announces it with fixed words only
 * (no id, no title); read state is kept on the server, so a restarted desktop still shows it read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserNotificationList } from '../../domain/entities/user-notification.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('my notifications on the desktop', () => {
  let server: TestServer;
  let police: WorldUser;
  let councilUser: { username: string; password: string };
  let councilAgency = '';
  let caseId = '';
  const desktops: TestCore[] = [];

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const policeAgency = await buildAgency(server.db, { kind: 'police', name: 'Synthetic Police' });
    councilAgency = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    const officer = await buildUser(server.db, { agencyId: policeAgency, teamIds: [await buildTeam(server.db, policeAgency, 'PPU')], password: 'police-pass-1' });
    councilUser = await buildUser(server.db, { agencyId: councilAgency, teamIds: [await buildTeam(server.db, councilAgency, 'Early Help')], password: 'council-pass-1' });
    police = { id: officer.id, agencyId: policeAgency, teamIds: [], role: 'practitioner', token: await signIn(server, officer.username, officer.password) };
    caseId = (await buildCase(server.db, { ownerAgencyId: policeAgency, sharingLevel: 'shared', sharedAgencyIds: [councilAgency] })).id;
  });
  afterAll(async () => {
    for (const desktop of desktops) {
      await desktop.stop();
    }
    await server.stop();
  });

  async function signedInCore(prefix: string) {
    const desktop = startTestCore(server, prefix);
    desktops.push(desktop);
    await callCore(desktop.core, 'session.signIn', councilUser);
    await callCore(desktop.core, 'sync.now', null);
    return desktop;
  }
  const assign = async (title: string) => (await call<{ id: string }>(server, police, 'POST', `/cases/${caseId}/tasks`, { title, assigneeAgencyId: councilAgency })).body.id;

  it('lists a new task with an unread count, announces later ones with fixed words only, and keeps read state across a restart', async () => {
    const first = await assign('Synthetic welfare visit');
    const desktop = await signedInCore('cb-mine-council-');
    const events: Array<{ name: string; payload: unknown }> = [];
    desktop.core.onEvent((name, payload) => events.push({ name, payload }));

    const listed = await callCore<UserNotificationList>(desktop.core, 'notifications.mine', null);
    expect(listed.unread).toBe(1);
    expect(listed.notifications).toEqual([expect.objectContaining({ kind: 'task_assigned', taskId: first, caseId, read: false })]);

    const second = await assign('Synthetic school check');
    await callCore(desktop.core, 'sync.now', null);
    await expect.poll(() => events.filter((e) => e.name === 'notifications.arrived')).toHaveLength(1);
    const arrived = events.find((e) => e.name === 'notifications.arrived')!;
    expect(arrived.payload).toEqual({ message: 'You have a new task' });
    const text = JSON.stringify(arrived.payload);
    for (const secret of [second, first, caseId, 'Synthetic', 'school']) {
      expect(text).not.toContain(secret);
    }
    // The first look after sign-in only learned what was there: one announcement, for the new task.
    await callCore(desktop.core, 'sync.now', null);
    expect(events.filter((e) => e.name === 'notifications.arrived')).toHaveLength(1);

    const now = await callCore<UserNotificationList>(desktop.core, 'notifications.mine', null);
    const firstNote = now.notifications.find((n) => n.taskId === first)!;
    expect(await callCore(desktop.core, 'notifications.markRead', { id: firstNote.id })).toEqual({ unread: 1 });
    await desktop.stop();
    desktops.splice(desktops.indexOf(desktop), 1);

    const restarted = await signedInCore('cb-mine-restart-');
    const after = await callCore<UserNotificationList>(restarted.core, 'notifications.mine', null);
    expect(after.unread).toBe(1);
    expect(after.notifications.find((n) => n.taskId === first)?.read).toBe(true);
    expect(after.notifications.find((n) => n.taskId === second)?.read).toBe(false);
    expect(await callCore(restarted.core, 'notifications.markAllRead', null)).toEqual({ unread: 0 });
    expect((await callCore<UserNotificationList>(restarted.core, 'notifications.mine', null)).unread).toBe(0);
  });

  it('refuses a bad id with a typed error and changes nothing', async () => {
    const desktop = await signedInCore('cb-mine-bad-');
    const before = await server.db.selectFrom('user_notification_reads').selectAll().execute();
    expect(await desktop.core.handle('notifications.markRead', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await desktop.core.handle('notifications.markRead', { id: '0b6a3c1e-0000-4000-8000-000000000001' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await server.db.selectFrom('user_notification_reads').selectAll().execute()).toEqual(before);
  });
});
