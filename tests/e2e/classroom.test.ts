/**
 * A classroom session in real browsers: the teacher hosts from the title screen and gets a code;
 * two students join by code in their own browser contexts (one on a phone-sized screen), send a
 * private message, negotiate and vote; one student's connection drops and comes back with its
 * seat and its vote intact; a projector view shows the public hall.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/app';
import { STAGE_CANVAS, axe, browserContext, buildTo, listenLive, shot } from './support';

const OUT_DIR = 'test-results/dist-classroom';
let server: RunningServer;
let url = '';
const contexts: BrowserContext[] = [];
/** Errors thrown in any page: a test fails on them (a desk drawn anew once left one behind). */
const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

beforeAll(async () => {
  await buildTo(OUT_DIR);
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataFile: ':memory:',
    distDir: OUT_DIR,
    pace: 40,
    reconnectSeconds: 60,
  });
  url = `http://127.0.0.1:${server.port}`;
}, 240_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await server?.close();
});

const page = async (name: string, viewport?: { width: number; height: number }): Promise<Page> => {
  const ctx = await browserContext(`class-${name}`, viewport);
  contexts.push(ctx);
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  p.on('pageerror', (e) => pageErrors.push(`[${name}] ${e.stack ?? e.message}`));
  return p;
};

const studentJoins = async (p: Page, code: string, name: string) => {
  await p.goto(`${url}/?join=${code}`);
  await p.locator('#join-name').fill(name);
  await p.locator('#join-submit').click();
  await p.locator('#you-are').waitFor();
};

describe('a set-up link from the computer that runs the server', () => {
  it('names the address the class reaches, not localhost (or says it works only here)', async () => {
    const p = await page('share-from-server');
    await p.goto(url);
    await p.locator('#new-game').click();
    await p.locator('.setup-screen').waitFor();
    const { base } = (await (await fetch(`${url}/api/address`)).json()) as { base: string };
    const reachable = !/\/\/(localhost|127\.)/.test(base);
    await expect
      .poll(() => p.locator('#setup-link').inputValue())
      .toMatch(reachable ? new RegExp(`^${base}/\\?scenario=`) : /^http:\/\/127\.0\.0\.1/);
    expect(await p.locator('#share-local').isVisible()).toBe(!reachable);
  });
});

describe('a classroom session', () => {
  it('teacher hosts, students join by code, negotiate and vote; a dropped student keeps seat and vote', async () => {
    const teacher = await page('teacher');
    await teacher.goto(url);
    await teacher.locator('#host-session').click();
    // Two human delegations: Armenia and Kazakhstan; the AI plays the rest.
    for (const id of ['ru', 'by', 'kg', 'tj']) await teacher.locator(`#host-human-${id}`).uncheck();
    // On a small screen "Create the session" is far down the form; the console opens at its
    // top, on the join code, not scrolled to where the button was.
    const wide = teacher.viewportSize()!;
    await teacher.setViewportSize({ width: 360, height: 640 });
    await teacher.locator('#host-submit').click();
    const code = (await teacher.locator('#console-code').innerText()).trim();
    expect(await teacher.evaluate(() => window.scrollY)).toBe(0);
    await teacher.setViewportSize(wide);
    expect(code).toMatch(/^[A-Z2-9]{5}$/);
    expect(await teacher.locator('.qr svg').count()).toBe(1);
    await shot(teacher, 'console');
    expect(await axe(teacher), 'axe on the console').toEqual([]);

    const ana = await page('ana');
    const bek = await page('bek', { width: 360, height: 640 });
    await studentJoins(ana, code, 'Ana');
    await studentJoins(bek, code, 'Bek');
    const seatOf = async (p: Page) =>
      (await p.locator('#you-are').innerText()).includes('Armenia') ? 'am' : 'kz';
    // What a screen reader on Bek's desk hears (the page's live region), from here on.
    const bekHeard = await listenLive(bek);
    const anaSeat = await seatOf(ana);
    const bekSeat = await seatOf(bek);
    expect(new Set([anaSeat, bekSeat])).toEqual(new Set(['am', 'kz']));
    await shot(bek, 'student-phone');
    expect(await bek.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // On a phone the hall is 70% of the screen's height, tall enough for its gauges, and its
    // canvas fills it.
    await bek.locator(STAGE_CANVAS).waitFor({ timeout: 60_000 });
    const phoneStage = (await bek.locator('#stage').boundingBox())!;
    expect(phoneStage.height).toBeGreaterThan(0.65 * 640);
    await expect
      .poll(async () => (await bek.locator(STAGE_CANVAS).boundingBox())?.height ?? 0)
      .toBeGreaterThan(phoneStage.height - 2);
    // The hall comes after the desk on a phone, far down: the Hall button brings it into view.
    expect(phoneStage.y).toBeGreaterThan(640);
    await bek.locator('#show-hall').click();
    await expect
      .poll(
        async () => {
          const b = (await bek.locator('#stage').boundingBox())!;
          return b.y >= 0 && b.y + b.height <= 641;
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    await bek.evaluate(() => window.scrollTo(0, 0));
    // At 200% text the phone's desk does not scroll sideways: its reputation table scrolls in
    // its own box, which the keyboard can reach.
    const bekText = async (v: string) => {
      await bek.locator('[data-key="open-settings"]').click();
      await bek.locator('#set-text').fill(v);
      await bek.locator('#settings-close').click();
    };
    await bekText('2');
    expect(await bek.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axe(bek), 'axe on a phone desk at 200% text').toEqual([]);
    await bekText('1');
    expect(await axe(ana), 'axe on a student desk').toEqual([]);

    const projector = await page('projector');
    await projector.goto(`${url}/?watch=${code}`);
    await projector.locator(STAGE_CANVAS).waitFor({ timeout: 60_000 });
    // Before the roll call the projector shows how to join, large: the code, the QR code and the
    // address (only the console had them, beside the chair's private messages).
    expect(await projector.locator('#projector-code').innerText()).toBe(code);
    expect(await projector.locator('#projector-join .qr svg').count()).toBe(1);
    expect(await projector.locator('#projector-join').innerText()).toContain(`?join=${code}`);
    expect(await axe(projector), 'axe on the projector with its join card').toEqual([]);

    // Language and settings from inside the session: the desk and the console are drawn again,
    // still connected (a change of settings used to drop them back to the title screen).
    await ana.locator('.top-buttons button[lang="ru"]').click();
    await ana.locator('#you-are').getByText('Ваша делегация').waitFor();
    await ana.locator('#h-actions').getByText('Ваш ход').waitFor();
    await ana.locator('.top-buttons button[lang="en"]').click();
    await ana.locator('#h-actions').getByText('Your move').waitFor();
    // In a session the game speed is the teacher's: the student's setting says so.
    await ana.locator('[data-key="open-settings"]').click();
    expect(await ana.locator('#set-speed').isDisabled()).toBe(true);
    await ana.locator('#set-speed-note').getByText('facilitator console').waitFor();
    await ana.locator('#settings-close').click();
    // The teacher is writing an announcement when switching language: the console is drawn
    // again in Russian with the words still there.
    // (The news box is found by its visible label, as the teacher finds it.)
    const news = teacher.locator('label[for="ctl-news"]');
    expect(await news.isVisible()).toBe(true);
    expect(await news.innerText()).toBe('Announce news to the room');
    await teacher.getByLabel('Announce news to the room').fill('Press conference at noon');
    await teacher.locator('.top-buttons button[lang="ru"]').click();
    await teacher.locator('#h-join').getByText('Код').waitFor();
    expect(await teacher.locator('#ctl-news').inputValue()).toBe('Press conference at noon');
    await teacher.locator('.top-buttons button[lang="en"]').click();
    await teacher.locator('#ctl-news').fill('');
    await teacher.locator('[data-key="open-settings"]').click();
    await teacher.locator('#set-text').fill('1.5');
    // The slider says its value, on screen and to screen readers.
    expect(await teacher.locator('#set-text-value').innerText()).toBe('150%');
    expect(await teacher.locator('#set-text').getAttribute('aria-valuetext')).toBe('150%');
    await teacher.locator('#settings-close').click();
    expect(await teacher.locator('#console-code').innerText()).toBe(code);
    expect(
      await teacher.evaluate(() => getComputedStyle(document.documentElement).fontSize),
    ).not.toBe('16px');
    await teacher.locator('#set-text').waitFor({ state: 'detached' });
    await teacher.locator('[data-key="open-settings"]').click();
    await teacher.locator('#set-text').fill('1');
    await teacher.locator('#settings-close').click();

    // A slower session for a class reading in its second language: the choice stays shown.
    await teacher.locator('#ctl-speed').selectOption('slow');

    // The teacher opens the conference when the class is in; both students answer the roll call.
    await teacher.locator('#ctl-chair-openRollCall').click();
    for (const p of [ana, bek])
      await p.locator('#panel-actions [data-key="rc-present"]').click({ timeout: 60_000 });
    expect(await teacher.locator('#ctl-speed').inputValue()).toBe('slow');

    // A private message and an offer from Ana to Bek. Bek has begun a message of his own: the
    // one arriving does not wipe what he wrote, nor whom it is for.
    await bek.locator('#msg-to').selectOption(anaSeat);
    await bek.locator('#msg-text').fill('Only if the sensors');
    await ana.locator('#msg-to').selectOption(bekSeat);
    await ana.locator('#msg-text').fill('Shall we agree on the sensors?');
    await ana.locator('[data-key="msg-send"]').click();
    await bek.locator('#panel-messages').getByText('Shall we agree on the sensors?').waitFor();
    expect(await bek.locator('#msg-text').inputValue()).toBe('Only if the sensors');
    expect(await bek.locator('#msg-to').inputValue()).toBe(anaSeat);
    // He finishes it and sends it from the keyboard (Ctrl+Enter; Enter alone starts a new line).
    await bek.locator('#msg-text').fill('Only if the sensors stay under national command');
    await bek.locator('#msg-text').press('Control+Enter');
    await ana
      .locator('#panel-messages')
      .getByText('Only if the sensors stay under national command')
      .waitFor();
    expect(await bek.locator('#msg-text').inputValue()).toBe('');
    await teacher
      .locator('#console-messages')
      .getByText('Shall we agree on the sensors?')
      .waitFor();
    // The teacher reads who wrote to whom by name, not by the delegations' ids.
    const line = await teacher
      .locator('#console-messages li', { hasText: 'Shall we agree on the sensors?' })
      .innerText();
    expect(line).toMatch(/^Republic of (Armenia|Kazakhstan) → Republic of (Armenia|Kazakhstan): /);
    await ana.locator('#offer-to').selectOption(bekSeat);
    await ana.locator('#offer-give').selectOption('capital:3');
    await ana.locator('[data-key="offer-send"]').click();
    const accept = bek.locator('#panel-negotiation button', { hasText: /Accept/ }).first();
    await accept.waitFor({ timeout: 30_000 });
    await accept.click();
    await ana
      .locator('#panel-negotiation')
      .getByText(/accepted/)
      .first()
      .waitFor();

    // The first ballot: Ana votes, then her connection drops before the ballot closes.
    await ana.locator('#panel-actions [data-vote="yes"]').waitFor({ timeout: 90_000 });
    await ana.locator('#panel-actions [data-vote="yes"]').click();
    await ana.locator('#panel-actions [data-vote="yes"]').waitFor({ state: 'detached' });
    // The connection drops (an abnormal close, as a dropped Wi-Fi gives): the client reconnects by itself.
    const dropped = await ana.evaluate(async () => {
      const app = window as unknown as {
        consensus: {
          netScreens: Promise<{
            session: { room: { connection: { transport: { ws: WebSocket } } } };
          }>;
        };
      };
      const ws = (await app.consensus.netScreens).session.room.connection.transport.ws;
      ws.close(3999, 'network drop');
      return true;
    });
    expect(dropped).toBe(true);
    await expect
      .poll(async () => (await ana.locator('#net-status').innerText()).trim(), { timeout: 10_000 })
      .not.toBe('');
    // The teacher sees Ana's vote while she is away; Bek votes, with the Y key as in solo play;
    // the ballot closes with both votes.
    await bek.locator('#panel-actions [data-vote="yes"]').waitFor({ timeout: 60_000 });
    // (Not while the message box has the focus: there a "y" is a letter of the message.)
    await bek.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await bek.keyboard.press('y');
    // (Not "until the button goes": the next ballot's may come at once. The server's record
    // below has his vote.)
    await ana.locator('#you-are').waitFor();
    await expect
      .poll(async () => (await ana.locator('#net-status').innerText()).trim(), { timeout: 60_000 })
      .toBe('');
    expect(await ana.locator('#you-are').innerText()).toContain(
      anaSeat === 'am' ? 'Armenia' : 'Kazakhstan',
    );
    // The server's record: the first ballot closed with Ana's vote in it.
    const { matchMaker } = await import('@colyseus/core');
    const room = (await matchMaker.getLocalRoomById(code)) as unknown as {
      conference(): { snapshot: { context: { closed: { votes: Record<string, string> }[] } } };
    };
    await expect
      .poll(() => room.conference().snapshot.context.closed.length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    // Bek's screen reader heard the ballot's result by the proposal's name, as in solo play (an
    // amendment's: adopted or rejected; a proposal's: adopted or not adopted).
    await expect
      .poll(() => bekHeard.join(' | '), { timeout: 10_000 })
      .toMatch(/Vote on [^|]+: (adopted|not adopted|rejected)\./);
    await shot(projector, 'projector');
    // The roll call is over: the join card has given way to the conference.
    expect(await projector.locator('#projector-join').isHidden()).toBe(true);
    // The projector shows the regional map with M (or its Map button), and the hall again.
    await projector.locator('body').press('m');
    await projector.waitForFunction(() => performance.getEntriesByName('map-shown').length > 0);
    expect(await projector.locator('#show-map').getAttribute('aria-pressed')).toBe('true');
    await shot(projector, 'projector-map');
    await projector.locator('#show-hall').click();
    expect(await projector.locator('#show-hall').getAttribute('aria-pressed')).toBe('true');
    // The keys Help lists are those that work here: a desk's votes and the map on Ana's desk,
    // neither on the teacher's console.
    const listed = async (p: Page) => {
      await p.locator('[data-key="open-help"]').click();
      const text = `${await p.locator('dialog#help [data-help]').getAttribute('data-help')}: ${await p.locator('dialog#help #help-keys-section').innerText()}`;
      await p.keyboard.press('Escape');
      await p.locator('dialog#help').waitFor({ state: 'detached' });
      return text;
    };
    const desk = await listed(ana);
    // Help speaks to a delegation on a desk, to the teacher on the console.
    expect(desk.startsWith('play: ')).toBe(true);
    expect(desk).toContain('Vote yes');
    expect(desk).toContain('map');
    const onConsole = await listed(teacher);
    expect(onConsole.startsWith('console: ')).toBe(true);
    expect(onConsole).not.toContain('Vote yes');
    expect(onConsole).not.toContain('map');
    await shot(ana, 'student-after-reconnect');
    const closed = room.conference().snapshot.context.closed;
    expect(closed[0]!.votes[anaSeat]).toBe('yes');
    expect(closed[0]!.votes[bekSeat]).toBe('yes');
    // The teacher replays the session from the console, from its log on the server.
    await teacher.locator('#console-replay').click();
    await teacher.locator('#replay-pos').waitFor();
    expect(await teacher.locator('#replay-position').innerText()).toMatch(/of \d+/);
  }, 240_000);

  it('the teacher moves, mutes and removes students and ends the conference; each desk follows, what cannot be undone is asked twice', async () => {
    const teacher = await page('teacher-moves');
    await teacher.goto(url);
    await teacher.locator('#host-session').click();
    // With no delegation for students the form says so, and creates nothing.
    for (const id of ['ru', 'by', 'kz', 'kg', 'tj', 'am'])
      await teacher.locator(`#host-human-${id}`).uncheck();
    await teacher.locator('#host-submit').click();
    expect(await teacher.locator('#host-error').innerText()).toBe(
      'Choose at least one delegation for the students to play.',
    );
    expect(await teacher.locator('#console-code').count()).toBe(0);
    for (const id of ['kz', 'am']) await teacher.locator(`#host-human-${id}`).check();
    // The seed the teacher notes (to run the same conference with another class) is the session's.
    expect(Number(await teacher.locator('#host-seed').inputValue())).toBeGreaterThanOrEqual(0);
    await teacher.locator('#host-seed').fill('4242');
    await teacher.locator('#host-submit').click();
    const code = (await teacher.locator('#console-code').innerText()).trim();
    const { matchMaker } = await import('@colyseus/core');
    const hosted = (await matchMaker.getLocalRoomById(code)) as unknown as {
      conference(): { snapshot: { context: { seed: number } } };
    };
    expect(hosted.conference().snapshot.context.seed).toBe(4242);
    // The console's header keeps one row on a laptop (Back to the title screen used to wrap).
    const buttonRows = await teacher.evaluate(
      () =>
        new Set(
          [...document.querySelectorAll('header.game-top button')].map((b) =>
            Math.round(b.getBoundingClientRect().top),
          ),
        ).size,
    );
    expect(buttonRows).toBe(1);
    // The join card and the chair's controls fill the first row (a third of it used to stay
    // empty on a laptop): the controls end where the delegations' table below them ends.
    const gap = await teacher.evaluate(
      () =>
        document.getElementById('console-status')!.getBoundingClientRect().right -
        document.getElementById('console-controls')!.getBoundingClientRect().right,
    );
    expect(Math.abs(gap)).toBeLessThan(2);
    const ana = await page('ana-moved');
    await studentJoins(ana, code, 'Ana');
    const heard = await listenLive(ana);
    const from = (await ana.locator('#you-are').innerText()).includes('Armenia') ? 'am' : 'kz';
    const to = from === 'am' ? 'kz' : 'am';
    const toName = to === 'am' ? 'Republic of Armenia' : 'Republic of Kazakhstan';
    const row = teacher.locator('#console-people tr', { hasText: 'Ana' });
    await row.getByLabel('Move Ana to').selectOption(to);
    await row.getByRole('button', { name: 'Move', exact: true }).click();
    // Her desk now speaks for the new delegation, and acts for it: her answer to the roll call
    // is taken (a desk still acting for the old seat had every move refused).
    await ana.locator('#you-are').getByText(toName).waitFor();
    await expect.poll(() => heard.join(' | ')).toContain(`Your delegation: ${toName}.`);
    await teacher.locator('#ctl-chair-openRollCall').click();
    await ana.locator('#panel-actions [data-key="rc-present"]').click({ timeout: 60_000 });
    await ana.locator('#panel-actions [data-key="rc-present"]').waitFor({ state: 'detached' });
    // At 200% text the console does not scroll sideways (its seven-column table scrolls in its
    // panel).
    const textAt = async (v: string) => {
      await teacher.locator('[data-key="open-settings"]').click();
      await teacher.locator('#set-text').fill(v);
      await teacher.locator('#settings-close').click();
    };
    await textAt('2');
    expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
    expect(await axe(teacher), 'axe on the console at 200% text').toEqual([]);
    await textAt('1');
    expect(heard.join(' | ')).not.toMatch(/cannot act for/);

    // Muted: her desk says what she cannot do, and a message she sends anyway is refused
    // without losing its words.
    await row.getByRole('button', { name: 'Mute' }).click();
    await ana.locator('#you-muted').waitFor();
    expect(await ana.locator('#you-muted').innerText()).toContain('You can still vote');
    await ana.locator('#msg-text').fill('Can we speak after the break?');
    await ana.locator('[data-key="msg-send"]').click();
    await expect.poll(() => heard.join(' | ')).toMatch(/Refused: the chair has muted you/i);
    // The refusal is shown, not only said to screen readers.
    expect(await ana.locator('#refusal').innerText()).toContain('the chair has muted you');
    await ana.locator('#refusal-close').click();
    await ana.locator('#refusal').waitFor({ state: 'detached' });
    // Sent again: the refusal is back, and Escape, from the message box, closes it too.
    await ana.locator('[data-key="msg-send"]').click();
    await ana.locator('#refusal').waitFor();
    await ana.locator('#msg-text').press('Escape');
    await ana.locator('#refusal').waitFor({ state: 'detached' });
    expect(await axe(ana), 'axe on a muted desk').toEqual([]);
    expect(await ana.locator('#msg-text').inputValue()).toBe('Can we speak after the break?');
    // A reload takes her straight back to her seat (no name to type again), still muted.
    await ana.reload();
    await ana.locator('#you-are').getByText(toName).waitFor();
    await ana.locator('#you-muted').waitFor();
    // The teacher's list has her once, not her old connection beside the new one.
    await expect
      .poll(() => teacher.locator('#console-people tr', { hasText: 'Ana' }).count())
      .toBe(1);
    // The word back: the notice goes, and the message goes out.
    await teacher
      .locator('#console-people tr', { hasText: 'Ana' })
      .getByRole('button', { name: 'Unmute' })
      .click();
    await ana.locator('#you-muted').waitFor({ state: 'detached' });
    await ana.locator('#msg-text').fill('Can we speak after the break?');
    await ana.locator('[data-key="msg-send"]').click();
    await teacher.locator('#console-messages').getByText('Can we speak after the break?').waitFor();

    // The chair's news is shown on the desk (it used to be said to screen readers only).
    await teacher.getByLabel('Announce news to the room').fill('Press conference at noon');
    await teacher.locator('#ctl-announce').click();
    await ana.locator('#panel-news .latest').getByText('Press conference at noon').waitFor();
    expect(await ana.locator('#h-news').innerText()).toBe('News from the chair');

    // Removing a student is asked twice; the removed student's desk says so.
    const cy = await page('cy-removed');
    await studentJoins(cy, code, 'Cy');
    const cyRow = teacher.locator('#console-people tr', { hasText: 'Cy' });
    // A student a row (a list took three lines a student: 28 students made the console 5,900 px
    // long), grouped by delegation in the scenario's order, under a count.
    await cyRow.waitFor();
    expect(await teacher.locator('#people-count').innerText()).toBe(
      '2 students, 2 of them connected.',
    );
    const rows = await teacher.locator('#console-people tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        delegation: tr.querySelectorAll('td')[0]!.textContent,
        height: tr.getBoundingClientRect().height,
      })),
    );
    expect(rows.map((r) => r.delegation)).toEqual([
      'Republic of Kazakhstan',
      'Republic of Armenia',
    ]);
    for (const r of rows) expect(r.height).toBeLessThan(60);
    await cyRow.locator('summary', { hasText: 'Remove' }).click();
    await cyRow.getByRole('button', { name: 'No, keep Cy' }).click();
    expect(await cyRow.locator('details.confirm').getAttribute('open')).toBeNull();
    await cyRow.locator('summary', { hasText: 'Remove' }).click();
    await cyRow.getByRole('button', { name: 'Yes, remove Cy' }).click();
    // Cy's desk gives way to a screen that says so, with a way to join again.
    await cy.locator('#removed-notice').getByText('removed you').waitFor();
    expect(await cy.locator('#panel-actions').count()).toBe(0);
    await cy.locator('#removed-join').click();
    expect(await cy.locator('#join-code').inputValue()).toBe(code);
    await cyRow.waitFor({ state: 'detached' });

    // During a vote a crisis cannot be injected: the button is off and says when it will work.
    await teacher.locator('#ctl-chair-closeBallot').waitFor({ timeout: 90_000 });
    expect(await teacher.locator('#ctl-inject').isDisabled()).toBe(true);
    expect(await teacher.locator('#ctl-inject-note').innerText()).toContain('when it is over');

    // Back to the title screen by mistake: the title offers the way back, to the console and to
    // the seat.
    await teacher.locator('#console-leave').click();
    await teacher.locator(`#back-console-${code}`).click();
    expect((await teacher.locator('#console-code').innerText()).trim()).toBe(code);
    // Opened in another tab (the chair key is kept on the device), the console has its QR code and
    // the class's address too, from the server.
    const other = await teacher.context().newPage();
    await other.goto(`${url}/?console=${code}`);
    await other.locator('#console-code').waitFor();
    expect(await other.locator('.join-card .qr svg').count()).toBe(1);
    expect(await other.locator('.join-card').innerText()).toContain(`?join=${code}`);
    await other.close();
    await ana.locator('#net-leave').click();
    await ana.locator(`#back-join-${code}`).click();
    await ana.locator('#you-are').getByText(toName).waitFor();

    // Paused, the console offers only what works (news, Resume, the end), and every screen says
    // the conference is paused.
    await teacher.locator('#ctl-chair-pause').click();
    await teacher.locator('#ctl-paused').waitFor();
    expect(await teacher.locator('#ctl-chair-closeBallot').count()).toBe(0);
    await ana.locator('#phase').getByText('Paused · Voting').waitFor();
    await teacher.locator('#ctl-chair-resume').click();
    await ana
      .locator('#phase')
      .getByText(/^Voting$/)
      .waitFor();

    // Ending the conference is asked twice: "No, go on" keeps the session going. By keyboard:
    // Enter on the button opens the question, Tab reaches the answers, "No" comes back to it.
    await teacher.locator('#ctl-end').focus();
    await teacher.keyboard.press('Enter');
    expect(await axe(teacher), 'axe on the console asking to confirm the end').toEqual([]);
    await teacher.keyboard.press('Tab');
    expect(await teacher.evaluate(() => document.activeElement?.id)).toBe(
      'ctl-chair-endConference',
    );
    await teacher.keyboard.press('Tab');
    // A message arrives while the teacher is on "No": the console is drawn anew, and the focus
    // stays on "No" (it used to be lost, and Enter then did nothing).
    await ana.locator('#msg-text').fill('One more minute?');
    await ana.locator('[data-key="msg-send"]').click();
    await teacher.locator('#console-messages').getByText('One more minute?').waitFor();
    expect(
      await teacher.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key),
    ).toBe('ctl-end-no');
    await teacher.keyboard.press('Enter');
    expect(
      await teacher.locator('#ctl-end').evaluate((s) => s.parentElement!.hasAttribute('open')),
    ).toBe(false);
    expect(await teacher.evaluate(() => document.activeElement?.id)).toBe('ctl-end');
    expect(await ana.locator('main.debrief').count()).toBe(0);
    await teacher.locator('#ctl-end').click();
    await teacher.locator('#ctl-chair-endConference').click();
    await ana.locator('main.debrief').waitFor({ timeout: 30_000 });
    // The console goes to the debrief; its controls, which would all be refused now, give way
    // to a line saying the conference is over and a way back to the debrief.
    await teacher.locator('#ctl-ended').waitFor();
    expect(await teacher.locator('#ctl-chair-pause').count()).toBe(0);
    await expect
      .poll(() => teacher.evaluate(() => document.activeElement?.id))
      .toBe('console-debrief');
    // The teacher plays no delegation: no "(you)" in the scores; and what the conference never
    // reached reads "not put to the vote", not "not adopted".
    const debrief = await teacher.locator('#console-debrief').innerText();
    expect(debrief).not.toContain('(you)');
    expect(debrief).toMatch(
      /3c CSTO cooperation with the OSCE in conflict resolution: — not put to the vote/,
    );
    await teacher.evaluate(() => window.scrollTo(0, 0));
    await teacher.locator('#ctl-to-debrief').click();
    expect(
      await teacher.evaluate(() =>
        Math.round(document.getElementById('console-debrief')!.getBoundingClientRect().top),
      ),
    ).toBeLessThan(50);
    // The next day: the title offers the ended session's debrief and report to the teacher who
    // hosted it, and nothing to the student, whose seat in it is forgotten.
    await teacher.locator('#console-leave').click();
    await teacher.locator(`#back-console-${code}`).getByText('(ended)').click();
    await teacher.locator('#ctl-ended').waitFor();
    await ana.goto(url);
    await ana.locator('#new-game').waitFor();
    await expect
      .poll(() => ana.evaluate((c) => localStorage.getItem(`consensus.seat.${c}`), code))
      .toBeNull();
    expect(await ana.locator(`#back-join-${code}`).count()).toBe(0);
  }, 180_000);
});
