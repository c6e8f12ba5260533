import { expect, test, type Page } from '@playwright/test';
import {
  formatJoinCode,
  joinLink,
  joinQrSvg,
  type JoinCodeParts,
  type SessionSecret,
} from '../../shared/live';
import type { LiveController, LiveState } from '../../renderer/live/types';
import { ARTIFACTS, announcement, openApp, pageErrors, startWorkshop, tabUntil } from './helpers';

/**
 * The live-session screens without a second peer (the two-peer tests come with the controller):
 * dialogs opened by keyboard, settings checked and kept, the join box's messages and its
 * confirmation step, and the session panel and status fed a made-up state through the test hook.
 */

declare global {
  interface Window {
    dreamboardLiveController?: LiveController;
  }
}

const parts: JoinCodeParts = {
  secret: 'M9C76973C1WNRF0KQN7Z' as SessionSecret,
  signal: { host: '192.168.1.20', port: 50123 },
};
const code = formatJoinCode(parts);
const link = joinLink(parts);

async function setLive(page: Page, patch: Partial<LiveState>): Promise<void> {
  await page.waitForFunction(() => !!window.dreamboardLiveController);
  await page.evaluate((p) => window.dreamboardLiveController!.store.set(p), patch);
}

const banner = (page: Page) => page.getByRole('banner');

test('there is no live status when there is no session, and Go live opens the host dialog by keyboard', async ({
  page,
}) => {
  await startWorkshop(page, 'Blank');
  await expect(banner(page).getByTestId('live-status')).toHaveCount(0);
  await expect(banner(page).getByRole('status').filter({ hasText: 'Live' })).toHaveCount(0);
  await tabUntil(page, 'header button.live-go');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Start a live session' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /In this room/ })).toBeChecked();
  const online = dialog.getByRole('checkbox', { name: /Online/ });
  await expect(online).toBeDisabled();
  await expect(online).toHaveAccessibleDescription(/no signaling server is set up/);
  // With no name remembered yet, focus starts at the name.
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByText('Type your name, so others know who is who.')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/live-host-form.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(banner(page).getByRole('button', { name: 'Go live' })).toBeFocused();
  expect(pageErrors(page)).toEqual([]);
});

test('settings say what is wrong next to the field, and are kept after a reload', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  await banner(page).getByRole('button', { name: 'Go live' }).click();
  const host = page.getByRole('dialog', { name: 'Start a live session' });
  await host.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Live session settings' });
  await expect(settings).toContainText('Introduces computers to each other. It never sees the workshop.');

  await settings.getByRole('button', { name: 'Add a signaling server' }).click();
  const server = settings.getByRole('textbox', { name: 'Signaling server 1' });
  await server.fill('http://signal.example.org');
  await settings.getByRole('button', { name: 'Add a STUN or TURN server' }).click();
  await settings.getByRole('textbox', { name: 'Address' }).fill('turn:turn.example.org:3478');
  const port = settings.getByRole('textbox', { name: 'Port' });
  await port.fill('80');
  await settings.getByRole('button', { name: 'Save' }).click();

  await expect(server).toHaveAttribute('aria-invalid', 'true');
  await expect(server).toHaveAccessibleDescription(/starts with wss:\/\//);
  await expect(server).toBeFocused();
  await expect(settings.getByRole('textbox', { name: 'User name' })).toHaveAccessibleDescription(
    'A TURN server needs a user name and a password.',
  );
  await expect(port).toHaveAccessibleDescription(/from 1024 to 65535/);
  await page.screenshot({ path: `${ARTIFACTS}/live-settings-errors.png` });

  await server.fill('wss://signal.example.org');
  await settings.getByRole('textbox', { name: 'User name' }).fill('workshop');
  await settings.getByLabel('Password').fill('s3cret');
  await port.fill('4444');
  await settings.getByRole('checkbox', { name: /Only connect through a relay/ }).check();
  await settings.locator('.dialog-body').evaluate((body) => body.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshots/live-settings.png' });
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);
  // Back where Settings was opened from, now with Online available.
  await expect(host.getByRole('checkbox', { name: /Online/ })).toBeEnabled();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dreamboard', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Join a live session…' }).click();
  const join = page.getByRole('dialog', { name: 'Join a live session' });
  await join
    .getByRole('textbox', { name: 'Join code or link' })
    .fill(formatJoinCode({ ...parts, signal: null }));
  await join.getByRole('textbox', { name: 'Your name' }).fill('Anna');
  await join.getByRole('button', { name: 'Next' }).click();
  await expect(join).toContainText('You will connect through wss://signal.example.org.');
  await join.getByRole('button', { name: 'Back' }).click();
  await page.keyboard.press('Escape');
  await expect(join).toHaveCount(0);
  const stored = await page.evaluate(() =>
    JSON.parse(localStorage.getItem('dreamboard.live.settings.v1') ?? '{}'),
  );
  expect(stored).toEqual({
    signalingUrls: ['wss://signal.example.org'],
    iceServers: [{ urls: 'turn:turn.example.org:3478', username: 'workshop', credential: 's3cret' }],
    roomPort: 4444,
    relayOnly: true,
  });
});

test('joining checks the code as it is typed and always asks before connecting', async ({ page }) => {
  await openApp(page);
  await tabUntil(page, 'main button:not([disabled])');
  const joinButton = page.getByRole('button', { name: 'Join a live session…' });
  await joinButton.focus();
  await page.keyboard.press('Enter');
  const join = page.getByRole('dialog', { name: 'Join a live session' });
  const box = join.getByRole('textbox', { name: 'Join code or link' });
  await expect(box).toBeFocused();

  // A typo (one symbol changed) is caught, but only once the person leaves the box.
  const typo = code.slice(0, 5) + (code[5] === '7' ? '8' : '7') + code.slice(6);
  await page.keyboard.type(typo);
  await expect(join.getByText('That code has a typo')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/That code has a typo — check it and try again\./);

  await box.fill(code.toLowerCase());
  await expect(box).toHaveAttribute('aria-invalid', 'false');
  await join.getByRole('textbox', { name: 'Your name' }).fill('Sam');
  await join.getByRole('combobox', { name: 'Your role in this workshop' }).selectOption({ label: 'Carer' });
  await page.screenshot({ path: `${ARTIFACTS}/live-join-form.png` });
  await join.getByRole('button', { name: 'Next' }).click();
  await expect(join).toContainText('You will connect to the facilitator’s computer at 192.168.1.20.');
  // The code as the app read it, whatever case and dashes were typed.
  await expect(join).toContainText(code);
  await expect(join).toContainText('Sam (Carer)');
  await expect(join.getByRole('button', { name: 'Join', exact: true })).toBeFocused();
  await page.screenshot({ path: 'docs/screenshots/live-join.png' });
  await join.getByRole('button', { name: 'Back' }).click();
  await expect(box).toHaveValue(code.toLowerCase());
  await page.keyboard.press('Escape');
  await expect(join).toHaveCount(0);

  // A link handed over by the system (here: pasted) goes through the same confirmation.
  await joinButton.click();
  await join.getByRole('textbox', { name: 'Join code or link' }).fill(link);
  await expect(join.getByRole('textbox', { name: 'Your name' })).toHaveValue('');
  await join.getByRole('textbox', { name: 'Your name' }).fill('Sam');
  await page.keyboard.press('Enter');
  await expect(join).toContainText('Join this session?');
  expect(pageErrors(page)).toEqual([]);
});

test('the session panel shows the code large, the QR code, the link and the people', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  const person = (clientId: number, name: string | null, connection = 'connected', direct = true) => ({
    clientId,
    direct,
    presence:
      name === null
        ? null
        : {
            name,
            colour: '#2E7D32',
            role: 'frontline',
            cursor: null,
            selection: [],
            viewport: null,
            connection,
          },
  });
  await setLive(page, {
    status: 'connected',
    session: {
      role: 'host',
      code,
      link,
      qrSvg: joinQrSvg(link),
      inRoomUrls: ['ws://192.168.1.20:50123'],
      onlineUrls: [],
    },
    participants: [person(2, 'Anna'), person(3, 'Bilal', 'reconnecting', false), person(4, null)] as never,
  });
  const pill = banner(page).getByTestId('live-status');
  await expect(pill).toHaveAccessibleName('Live · 4 people here');
  await expect(banner(page).getByRole('status').filter({ hasText: 'Live · 4 people here' })).toHaveCount(1);
  await expect(banner(page).getByRole('button', { name: 'Go live' })).toHaveCount(0);
  await banner(page).screenshot({ path: `${ARTIFACTS}/live-topbar-1400.png` });

  await pill.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Your live session' });
  await expect(panel.getByTestId('join-code')).toHaveText(code.replace(/-/g, ''));
  await expect(panel.getByRole('img', { name: 'QR code for joining this session' })).toBeVisible();
  await expect(panel).toContainText(link);
  await expect(panel).toContainText('People join through this computer at 192.168.1.20.');
  const people = panel.getByRole('list').last();
  await expect(people.getByRole('listitem')).toHaveCount(4);
  await expect(people).toContainText('Someone (name not shown)');
  await expect(people).toContainText('reconnecting, through another person');
  await page.screenshot({ path: 'docs/screenshots/live-host.png' });

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${ARTIFACTS}/live-host-1024.png` });

  await panel.getByRole('button', { name: 'End session' }).click();
  const confirm = page.getByRole('dialog', { name: 'End the live session?' });
  await expect(confirm).toContainText(
    'Everyone keeps their copy; they can no longer send changes to each other through this computer.',
  );
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');

  // Losing the connection is said in words (not only by colour) and announced.
  await setLive(page, { status: 'reconnecting' });
  await expect(pill).toHaveAccessibleName('Reconnecting… you can keep working');
  await expect(pill).toHaveText(/Reconnecting…/);
  await expect(
    page.getByRole('note').filter({ hasText: 'Reconnecting… you can keep working.' }),
  ).toBeVisible();
  expect(await announcement(page)).toBe('Connection lost — reconnecting');
  await banner(page).screenshot({ path: `${ARTIFACTS}/live-topbar-1024-reconnecting.png` });
  await setLive(page, { status: 'connected' });
  expect(await announcement(page)).toBe('Connected again');
  await setLive(page, { participants: [person(2, 'Anna')] as never });
  expect(await announcement(page)).toBe('Bilal and Someone left');
  await banner(page).screenshot({ path: `${ARTIFACTS}/live-topbar-1024.png` });
  expect(pageErrors(page)).toEqual([]);
});
