import { expect, test } from '@playwright/test';
import { addNote, cardTexts } from './files-helpers';
import { openApp, pageErrors, startWorkshop } from './helpers';
import { closePeers, launchPeer, participantNames, type Peer } from './live-peers';

/**
 * A live session as people run it, through the screens only: the facilitator clicks Go live and
 * reads out the code; a participant types it on the start screen, confirms, and works on the
 * board; both see each other. Separate Chromium processes, real WebRTC over loopback.
 */

test.describe.configure({ timeout: 120_000 });

test('a facilitator goes live, a participant joins by typing the code, and they see each other', async () => {
  const peers = await Promise.all(['Fran', 'Sam'].map(launchPeer));
  const [host, guest] = peers as [Peer, Peer];
  try {
    // The facilitator.
    await startWorkshop(host.page, 'Dream service model');
    await host.page.getByRole('banner').getByRole('button', { name: 'Go live' }).click();
    const start = host.page.getByRole('dialog', { name: 'Start a live session' });
    await start.getByRole('textbox', { name: 'Your name' }).fill('Fran');
    await start.getByRole('button', { name: 'Start' }).click();
    const code = await host.page.evaluate(() => {
      const read = () => window.dreamboardLiveController!.store.get().session?.code;
      return new Promise<string>((resolve) => {
        const poll = () => (read() ? resolve(read()!) : setTimeout(poll, 50));
        poll();
      });
    });
    const panel = host.page.getByRole('dialog', { name: /live session/i });
    // The code is shown in groups of four, to be read out.
    await expect(panel).toContainText(code.split('-')[0]!);
    await expect(panel.getByRole('img', { name: 'QR code for joining this session' })).toBeVisible();

    // The participant types the code, as read out, in lower case with spaces.
    await openApp(guest.page);
    await guest.page.getByRole('button', { name: 'Join a live session…' }).click();
    const join = guest.page.getByRole('dialog', { name: 'Join a live session' });
    await join
      .getByRole('textbox', { name: 'Join code or link' })
      .fill(code.toLowerCase().replaceAll('-', ' '));
    await join.getByRole('textbox', { name: 'Your name' }).fill('Sam');
    await join.getByRole('combobox', { name: 'Your role in this workshop' }).selectOption({ label: 'Carer' });
    await join.getByRole('button', { name: 'Next' }).click();
    await expect(join).toContainText('127.0.0.1');
    await join.getByRole('button', { name: 'Join', exact: true }).click();

    // The workshop arrives and opens as Sam's own copy, with the template's frames.
    await expect(guest.page.getByRole('tree', { name: 'Everything on the board' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      guest.page.getByRole('banner').getByRole('status').filter({ hasText: 'Live' }),
    ).toBeVisible();
    await expect.poll(() => participantNames(host.page)).toEqual(['Sam']);
    await expect.poll(() => participantNames(guest.page)).toEqual(['Fran']);
    await expect(panel).toContainText('Sam');
    await expect(panel).toContainText('Carer');

    // Sam adds a card; Fran sees it.
    await addNote(guest.page, 'A named worker who calls me back');
    await expect.poll(() => cardTexts(host.page)).toContain('A named worker who calls me back');
    // Sam's role goes on Sam's cards (the plan counts voices by role, never by name).
    const role = await host.page.evaluate(
      () =>
        [...window.dreamboardDebug!.session.snapshot().cards.values()].find(
          (c) => c.text === 'A named worker who calls me back',
        )?.createdRole,
    );
    expect(role).toBe('carer');

    // Fran's pointer over the board shows on Sam's board as a cursor with Fran's name.
    await host.page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    const board = host.page.locator('.db-board');
    const box = (await board.boundingBox())!;
    await host.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await host.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
    await expect(guest.page.locator('.db-board canvas')).toHaveCount(2, { timeout: 10_000 });
    await guest.page.waitForTimeout(300);
    await guest.page.screenshot({ path: 'docs/screenshots/live-session-guest.png' });
    await host.page.getByRole('banner').getByRole('status').filter({ hasText: 'Live' }).click();
    await host.page.screenshot({ path: 'docs/screenshots/live-session-host.png' });

    for (const peer of peers) expect(pageErrors(peer.page), peer.name).toEqual([]);
  } finally {
    await closePeers(peers);
  }
});
