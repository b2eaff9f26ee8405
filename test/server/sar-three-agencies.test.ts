/**
 * A SAR for a person involved with three agencies (docs/audit.md): each of the other two releases
 * or withholds its part, and at no point does the receiving agency see a withheld part — not in any
 * answer, count, error, audit search or the bundle's JSON and PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SarBundleFiles, SarConsultationDetail, SarDetail } from '../../domain/http/sar-routes.ts';
import { newId } from '../../domain/ids.ts';
import { buildCase, buildUser } from '../support/factories.ts';
import { buildPerson, buildThreeAgencyWorld, call, signIn, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditJustification } from '../support/audit-details.ts';

const POLICE_SECRET = 'Covert source Zenthraxis reported the subject';
const WITHHOLD_REASON = 'Disclosure would prejudice operation Quorvane';
const HOUSING_TEXT = 'Rent arrears discussed with Brannock Feltwell at the flat';
const COUNCIL_TEXT = 'Home visit: Brannock Feltwell answered the door #import "x.typ" *not bold* $x$';
const UNSHARED_POLICE = 'Unshared police note Ilvermoth';

describe.each(testDialects())('a SAR for a person involved with three agencies on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  const officers = {} as Record<'police' | 'council' | 'housing', WorldUser>;
  let subjectId: string;
  let policeCase: { id: string; reference: string };
  let policeReportId: string;
  let sarId: string;
  let dir: string;
  /** Every body the receiving agency's data officer was ever answered, to search for leaks. */
  const seenByCouncil: string[] = [];

  async function asCouncil<T>(method: 'GET' | 'POST', url: string, payload?: unknown) {
    const res = await call<T>(server, officers.council, method, url, payload);
    seenByCouncil.push(JSON.stringify(res.body));
    return res;
  }
  const addSubject = (caseId: string, personId: string, role: 'victim' | 'associate') => server.db.insertInto('case_subjects')
    .values({ id: newId(), case_id: caseId, person_id: personId, role, created_at: '2026-11-01T09:00:00.000Z' }).execute();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sar-'));
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    for (const key of ['police', 'council', 'housing'] as const) {
      const u = await buildUser(server.db, { agencyId: world.agencies[key], role: 'data_officer' });
      officers[key] = { id: u.id, agencyId: world.agencies[key], teamIds: [], role: 'data_officer', token: await signIn(server, u.username, u.password) };
    }
    subjectId = await buildPerson(server.db, { ownerAgencyId: world.agencies.police, givenName: 'Ada', familyName: 'Quillfeather' });
    const thirdParty = await buildPerson(server.db, { ownerAgencyId: world.agencies.council, givenName: 'Brannock', familyName: 'Feltwell' });
    const councilCase = await buildCase(server.db, { ownerAgencyId: world.agencies.council, title: 'Council support for Ada Quillfeather' });
    policeCase = await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council], title: 'Police case Vendrake' });
    const housingCase = await buildCase(server.db, { ownerAgencyId: world.agencies.housing, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] });
    const unshared = await buildCase(server.db, { ownerAgencyId: world.agencies.police, title: 'Police only Morrowgate' });
    for (const c of [councilCase.id, policeCase.id, housingCase.id, unshared.id]) {
      await addSubject(c, subjectId, 'victim');
    }
    await addSubject(councilCase.id, thirdParty, 'associate');
    await addSubject(housingCase.id, thirdParty, 'associate');
    const report = async (user: WorldUser, caseId: string, body: string) => {
      const res = await call<{ id: string }>(server, user, 'POST', `/cases/${caseId}/reports`, { kind: 'contact', title: 'Synthetic note', body });
      expect(res.status).toBe(200);
      return res.body.id;
    };
    await report(world.users.council.a, councilCase.id, COUNCIL_TEXT);
    policeReportId = await report(world.users.police.a, policeCase.id, POLICE_SECRET);
    await report(world.users.housing.a, housingCase.id, HOUSING_TEXT);
    await report(world.users.police.a, unshared.id, UNSHARED_POLICE);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses anyone but a data officer, recording the refusal', async () => {
    const body = { personId: subjectId, reference: 'SAR-X', receivedOn: '2026-11-02', requesterName: 'Ada Quillfeather', requesterRelation: 'data_subject', requesterContact: 'By post' };
    const res = await call<{ error: { code: string } }>(server, world.users.council.a, 'POST', '/sars', body);
    expect([res.status, res.body.error.code]).toEqual([403, 'authorization_error']);
    const last = await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', world.users.council.a.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect([last.action, last.outcome]).toEqual(['sar.create', 'denied']);
    expect(await server.db.selectFrom('sar_requests').select('id').execute()).toEqual([]);
  });

  it('refuses bad input with validation_error and creates nothing', async () => {
    const good = { personId: subjectId, reference: 'SAR-BAD', receivedOn: '2026-11-02', requesterName: 'Ada Quillfeather', requesterRelation: 'data_subject', requesterContact: 'By post' };
    for (const body of [{ ...good, receivedOn: '2026-02-30' }, { ...good, receivedOn: '2099-01-01' }, { ...good, requesterRelation: 'friend' }, { ...good, extra: 1 }]) {
      const res = await asCouncil<{ error: { code: string } }>('POST', '/sars', body);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([400, 'validation_error']);
    }
    expect(await server.db.selectFrom('sar_requests').select('id').execute()).toEqual([]);
  });

  it('finds the person for a data officer by name, naming them and their year of birth only', async () => {
    const res = await asCouncil<{ persons: Array<{ id: string; name: string; yearOfBirth: number | null }> }>('GET', '/sars/persons?q=Quillfeather');
    expect(res.body.persons).toEqual([{ id: subjectId, name: 'Ada Quillfeather', yearOfBirth: 1990 }]);
    const refused = await call<{ error: { code: string } }>(server, world.users.council.a, 'GET', '/sars/persons?q=Quillfeather');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'authorization_error']);
  });

  it('logs the request with its due date and one consultation per other agency whose records the council holds', async () => {
    const res = await asCouncil<SarDetail>('POST', '/sars', {
      personId: subjectId, reference: 'SAR-2026-014', receivedOn: '2026-10-31', requesterName: 'Ada Quillfeather', requesterRelation: 'data_subject', requesterContact: '1 Synthetic Street',
    });
    expect(res.status).toBe(200);
    sarId = res.body.id;
    expect([res.body.dueOn, res.body.complete, res.body.consultations]).toEqual(['2026-11-30', false, { pending: 2, answered: 0 }]);
    expect(res.body.consultationStates.map((c) => [c.agency.id, c.status]).sort()).toEqual(
      [[world.agencies.housing, 'pending'], [world.agencies.police, 'pending']].sort());
    const bundle = await asCouncil<{ error: { code: string } }>('POST', `/sars/${sarId}/bundle`, {});
    expect([bundle.status, bundle.body.error.code]).toEqual([409, 'conflict']);
  });

  it('extends the due date once, by up to two months with a reason, counting from receipt', async () => {
    for (const body of [{ months: 3, reason: 'Complex: three agencies consulted', expectedVersion: 1 }, { months: 2, reason: 'short', expectedVersion: 1 }]) {
      const res = await asCouncil<{ error: { code: string } }>('POST', `/sars/${sarId}/extension`, body);
      expect([res.status, res.body.error.code]).toEqual([400, 'validation_error']);
    }
    const stale = await asCouncil<{ error: { code: string } }>('POST', `/sars/${sarId}/extension`, { months: 2, reason: 'Complex: three agencies consulted', expectedVersion: 7 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    const res = await asCouncil<SarDetail>('POST', `/sars/${sarId}/extension`, { months: 2, reason: 'Complex: three agencies consulted', expectedVersion: 1 });
    // 31 January 2027 is a Sunday: the request is due on the next working day.
    expect([res.status, res.body.firstDueOn, res.body.calendarDueOn, res.body.dueOn, res.body.extended, res.body.extension]).toEqual(
      [200, '2026-11-30', '2027-01-31', '2027-02-01', true, { months: 2, reason: 'Complex: three agencies consulted' }]);
    const again = await asCouncil<{ error: { code: string } }>('POST', `/sars/${sarId}/extension`, { months: 1, reason: 'Complex: three agencies consulted', expectedVersion: 2 });
    expect([again.status, again.body.error.code]).toEqual([409, 'conflict']);
    const event = await server.db.selectFrom('audit_events').selectAll().where('action', '=', 'sar.extend').executeTakeFirstOrThrow();
    expect([event.user_id, await auditJustification(server.db, event), event.category]).toEqual([officers.council.id, 'Complex: three agencies consulted', 'alteration']);
    // Another agency's data officer cannot tell the request exists.
    const other = await call<{ error: { code: string } }>(server, officers.housing, 'GET', `/sars/${sarId}`);
    expect([other.status, other.body.error.code]).toEqual([404, 'not_found']);
  });

  it('shows the police its part (only what the council holds), and no consultation of theirs to the council', async () => {
    const inbox = await call<{ consultations: Array<{ id: string; status: string }> }>(server, officers.police, 'GET', '/sar-consultations');
    expect(inbox.body.consultations.map((c) => c.status)).toEqual(['pending']);
    const id = inbox.body.consultations[0]!.id;
    const detail = await call<SarConsultationDetail>(server, officers.police, 'GET', `/sar-consultations/${id}`);
    const text = JSON.stringify(detail.body.part);
    expect(text).toContain(POLICE_SECRET);
    expect(text).not.toContain(UNSHARED_POLICE);
    expect(detail.body.part!.items.map((i) => i.type).sort()).toEqual(['case', 'person', 'report']);
    // The council cannot open it, nor tell it from a consultation that does not exist.
    const council = await asCouncil<{ error: { code: string; message: string } }>('GET', `/sar-consultations/${id}`);
    const none = await asCouncil<{ error: { code: string; message: string } }>('GET', `/sar-consultations/${newId()}`);
    expect([council.status, council.body.error]).toEqual([404, none.body.error]);
    expect((await asCouncil<{ consultations: unknown[] }>('GET', '/sar-consultations')).body.consultations).toEqual([]);
  });

  it('lets the police withhold with an exemption, once, and housing release with third-party names redacted', async () => {
    const policeId = (await call<{ consultations: Array<{ id: string }> }>(server, officers.police, 'GET', '/sar-consultations')).body.consultations[0]!.id;
    const withheld = await call<SarConsultationDetail>(server, officers.police, 'POST', `/sar-consultations/${policeId}/withhold`, { exemption: 'crime_and_taxation', reason: WITHHOLD_REASON });
    expect([withheld.status, withheld.body.status, withheld.body.part]).toEqual([200, 'withheld', null]);
    const again = await call<{ error: { code: string } }>(server, officers.police, 'POST', `/sar-consultations/${policeId}/release`, {});
    expect([again.status, again.body.error.code]).toEqual([409, 'conflict']);
    const withholdEvents = await server.db.selectFrom('audit_events').select(['seq', 'action', 'justification']).where('user_id', '=', officers.police.id).where('action', '=', 'sar.part_withhold').execute();
    expect(await Promise.all(withholdEvents.map(async (e) => ({ action: e.action, justification: await auditJustification(server.db, e) }))))
      .toEqual([{ action: 'sar.part_withhold', justification: WITHHOLD_REASON }]);

    const housingId = (await call<{ consultations: Array<{ id: string }> }>(server, officers.housing, 'GET', '/sar-consultations')).body.consultations[0]!.id;
    const released = await call<SarConsultationDetail>(server, officers.housing, 'POST', `/sar-consultations/${housingId}/release`, {});
    expect(released.status).toBe(200);
    expect(JSON.stringify(released.body.part)).toContain('Rent arrears discussed with [third party] at the flat');
    expect(JSON.stringify(released.body.part)).not.toContain('Feltwell');
    const redactions = await server.db.selectFrom('sar_redactions').select(['part_agency_id', 'kind', 'redacted', 'occurrences', 'decided_by']).execute();
    expect(redactions.map((r) => ({ ...r, redacted: Number(r.redacted), occurrences: Number(r.occurrences) }))).toEqual([
      { part_agency_id: world.agencies.housing, kind: 'third_party_name', redacted: 1, occurrences: 1, decided_by: officers.housing.id },
    ]);
  });

  it('shows the council that both parts are answered, and a withheld part only as its exemption', async () => {
    const detail = await asCouncil<SarDetail>('GET', `/sars/${sarId}`);
    expect(detail.body.complete).toBe(true);
    expect(detail.body.consultationStates.map((c) => [c.agency.id, c.status, c.exemption]).sort()).toEqual(
      [[world.agencies.housing, 'released', null], [world.agencies.police, 'withheld', 'crime_and_taxation']].sort());
    const list = await asCouncil<{ sars: Array<{ id: string; consultations: unknown; timeliness: string }> }>('GET', '/sars');
    expect(list.body.sars.map((s) => [s.id, s.consultations])).toEqual([[sarId, { pending: 0, answered: 2 }]]);
  });

  it('builds the bundle from its own part and the released part only, JSON and PDF, marked on every page', async () => {
    const res = await asCouncil<SarBundleFiles>('POST', `/sars/${sarId}/bundle`, {});
    expect(res.status).toBe(200);
    const bundle = JSON.parse(res.body.json) as { parts: Array<{ agency: { id: string }; source: string }> };
    expect(bundle.parts.map((p) => [p.agency.id, p.source])).toEqual([[world.agencies.council, 'own'], [world.agencies.housing, 'released']]);
    expect(res.body.json).toContain('Home visit: [third party] answered the door');
    expect(res.body.json).toContain('Rent arrears discussed with [third party] at the flat');
    const file = join(dir, 'bundle.pdf');
    writeFileSync(file, Buffer.from(res.body.pdfBase64, 'base64'));
    const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    expect(pages.length).toBe(res.body.pages);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page).toContain('OFFICIAL-SENSITIVE');
    }
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Rent arrears discussed with [third party] at the flat');
    expect(text).toContain('SAR-2026-014');
    // Dates print in en-GB words, never as ISO dates (the JSON keeps those).
    expect(text).toContain('Received Saturday, 31 October 2026');
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    expect(text).toMatch(/recorded \d\d\/\d\d\/20\d\d, \d\d:\d\d/);
    // Text a user wrote comes out literally, never as Typst markup.
    expect(text).toContain('#import "x.typ" *not bold* $x$');
    // Codes print in words (the case type's name from the case_types table, status, role, report kind, gender); the JSON keeps the codes.
    expect(text).toContain('Type Anti-social behaviour');
    expect(text).toContain('Status Open');
    expect(text).toContain('Role of the person Victim');
    expect(text).toContain('Kind Contact record');
    expect(text).not.toMatch(/\b(asb|open|victim|contact)\b/);
    const json = JSON.parse(res.body.json) as { parts: Array<{ items: Array<{ type: string; fields: Array<{ label: string; value: string; text?: string }> }> }> };
    const councilCase = json.parts[0]!.items.find((i) => i.type === 'case')!;
    expect(councilCase.fields.filter((f) => ['Type', 'Status', 'Role of the person'].includes(f.label))).toEqual([
      { label: 'Type', value: 'asb', text: 'Anti-social behaviour' }, { label: 'Status', value: 'open', text: 'Open' },
      { label: 'Role of the person', value: 'victim', text: 'Victim' },
    ]);
    seenByCouncil.push(text);
    const event = await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', officers.council.id).where('action', '=', 'export.create').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details)).toMatchObject({ export: 'sar_bundle', pdfSha256: res.body.pdfSha256, jsonSha256: res.body.jsonSha256 });
  });

  it('closes the request once, taking it off the open list', async () => {
    const version = (await asCouncil<SarDetail>('GET', `/sars/${sarId}`)).body.version;
    const closed = await asCouncil<SarDetail>('POST', `/sars/${sarId}/close`, { expectedVersion: version });
    expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
    const again = await asCouncil<{ error: { code: string } }>('POST', `/sars/${sarId}/close`, { expectedVersion: closed.body.version });
    expect([again.status, again.body.error.code]).toEqual([409, 'conflict']);
    expect((await asCouncil<{ sars: unknown[] }>('GET', '/sars')).body.sars).toEqual([]);
    expect((await asCouncil<{ sars: Array<{ id: string }> }>('GET', '/sars?status=closed')).body.sars.map((s) => s.id)).toEqual([sarId]);
  });

  it("never showed the council the withheld part: not its text, its case, its report's id, nor the reason", async () => {
    // The council's own audit search over the person, too.
    seenByCouncil.push(JSON.stringify((await asCouncil('GET', `/audit/events?personId=${subjectId}&limit=500`)).body));
    seenByCouncil.push(JSON.stringify((await asCouncil('GET', '/audit/events?limit=500')).body));
    const everything = seenByCouncil.join('\n');
    for (const secret of [POLICE_SECRET, WITHHOLD_REASON, policeCase.reference, policeCase.id, policeReportId, 'Vendrake', UNSHARED_POLICE]) {
      expect(everything, secret).not.toContain(secret);
    }
  });
});
