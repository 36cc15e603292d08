import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './harness';
import { send, sendOk } from './extension-messages';

const PASSPHRASE = 'violet tractor mango 7 lantern';
const CONTACT = 'passkey-check@buyer.example';

/** The Chrome DevTools Protocol virtual authenticator: a platform authenticator with user verification. */
async function addAuthenticator(cdp: CDPSession, hasPrf: boolean): Promise<string> {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

async function vaultState(page: Page): Promise<string> {
  return (await sendOk<{ state: string }>(page, 'vault/status', {})).state;
}

async function lock(options: Page) {
  await options.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'locked');
}

test('passkey: set up with the PRF virtual authenticator, unlock, lock and unlock again; passphrase still works; a foreign or removed passkey opens nothing', async ({
  context,
  openExtensionPage,
}) => {
  // 1. A vault, and something sealed in it (a buyer request's contact, sealed to the vault public key).
  const options = await openExtensionPage('options.html#vault');
  await options.locator('input[name="new-passphrase"]').fill(PASSPHRASE);
  await options.locator('input[name="confirm-passphrase"]').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Create vault' }).click();
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'unlocked', { timeout: 20_000 });
  const request = await sendOk<{ id: number }>(options, 'requests/record', { kind: 'access', receivedAt: Date.now(), contact: CONTACT });

  // 2. Add a passkey: the page's CDP session gets the virtual authenticator with PRF support.
  const cdp = await context.newCDPSession(options);
  await cdp.send('WebAuthn.enable');
  const withPrf = await addAuthenticator(cdp, true);
  const settings = options.getByTestId('passkey-settings');
  await expect(settings.getByTestId('passkey-none')).toBeVisible();
  await settings.getByLabel('Name of this passkey').fill('Work laptop');
  // The passphrase is asked again: the button stays disabled without it.
  await expect(settings.getByRole('button', { name: 'Add a passkey' })).toBeDisabled();
  await settings.getByLabel('Your passphrase (asked again to add a passkey)').fill(PASSPHRASE);
  await settings.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(settings.getByRole('status')).toHaveText('Passkey added. You can unlock with it from now on.', { timeout: 20_000 });
  await expect(settings.getByTestId('passkey-item')).toHaveCount(1);
  await expect(settings.getByTestId('passkey-item')).toContainText('Work laptop');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: withPrf });
  expect(credentials).toHaveLength(1);
  const [registered] = (await sendOk<{ passkeys: { credentialId: string; prfSalt: string }[] }>(options, 'vault/passkeys', {})).passkeys;
  expect(Buffer.from(registered!.credentialId, 'hex').toString('base64url')).toBe(credentials[0]!.credentialId.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));

  // 3. Lock → unlock with the passkey → the sealed contact opens.
  await lock(options);
  await options.getByRole('button', { name: 'Unlock with passkey' }).click();
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'unlocked', { timeout: 20_000 });
  const notes = await sendOk<Record<number, { contact: string } | null>>(options, 'requests/notes', { ids: [request.id] });
  expect(notes[request.id]).toMatchObject({ contact: CONTACT });

  // 4. Lock → unlock again, the popup's way: its link opens options at #vault?passkey=unlock,
  // where the ceremony starts by itself. CDP virtual authenticators belong to one tab, so the
  // link's address is opened in the tab that holds the authenticator.
  await lock(options);
  const popup = await openExtensionPage('popup.html');
  const link = popup.getByTestId('passkey-unlock-link');
  await expect(link).toHaveText('Unlock with passkey (opens a tab)');
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/\/options\.html#vault\?passkey=unlock$/);
  // WebAuthn answers only a page that has focus (Chromium: NotAllowedError otherwise).
  await options.bringToFront();
  await options.goto('about:blank');
  await options.goto(href);
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'unlocked', { timeout: 20_000 });
  expect(new URL(options.url()).hash).toBe('#vault');
  await expect(popup.getByTestId('VaultPanel')).toHaveAttribute('data-state', 'unlocked');

  // 5. The passphrase still unlocks.
  await lock(options);
  await options.getByTestId('unlock-form').locator('input[name="passphrase"]').fill(PASSPHRASE);
  await options.getByTestId('unlock-form').getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'unlocked', { timeout: 20_000 });
  await lock(options);

  // 6. A forged PRF output is refused like a wrong passphrase; the real one is kept for step 9.
  const forged = await send(options, 'vault/passkey-unlock', { credentialId: registered!.credentialId, prfOutput: 'ab'.repeat(32) });
  expect(forged).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', message: 'This passkey did not open the vault' } });
  expect(await vaultState(options)).toBe('locked');
  const realOutput = await options.evaluate(async ({ credentialId, prfSalt }) => {
    const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((h) => Number.parseInt(h, 16)));
    const assertion = (await navigator.credentials.get({
      publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        allowCredentials: [{ type: 'public-key', id: hex(credentialId) }],
        userVerification: 'required',
        extensions: { prf: { eval: { first: hex(prfSalt) } } } as AuthenticationExtensionsClientInputs,
      },
    })) as PublicKeyCredential;
    const first = (assertion.getClientExtensionResults() as { prf?: { results?: { first?: ArrayBuffer } } }).prf?.results?.first;
    return Array.from(new Uint8Array(first!), (b) => b.toString(16).padStart(2, '0')).join('');
  }, registered!);
  expect(realOutput).toMatch(/^[0-9a-f]{64}$/);

  // 7. Another authenticator (no PRF, and without the credential): a clear message, still locked.
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: withPrf });
  await addAuthenticator(cdp, false);
  await options.getByRole('button', { name: 'Unlock with passkey' }).click();
  await expect(options.getByTestId('passkey-unlock').getByRole('alert')).toHaveText(
    'No passkey answered: the request was cancelled or timed out, or this device holds none of the passkeys registered for this vault. The vault stays locked; you can use your passphrase.',
    { timeout: 20_000 },
  );
  expect(await vaultState(options)).toBe('locked');

  // 8. Registering on an authenticator without PRF says so and registers nothing.
  await options.getByTestId('unlock-form').locator('input[name="passphrase"]').fill(PASSPHRASE);
  await options.getByTestId('unlock-form').getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'unlocked', { timeout: 20_000 });
  await settings.getByLabel('Your passphrase (asked again to add a passkey)').fill(PASSPHRASE);
  await settings.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(settings.getByRole('alert')).toContainText('This authenticator cannot derive keys (it has no PRF support)', { timeout: 20_000 });
  await expect(settings.getByTestId('passkey-item')).toHaveCount(1);
  // The Passkeys section (list, remove button, add form, error) has no serious accessibility violation.
  const axe = await new AxeBuilder({ page: options }).include('[data-testid="VaultPage"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // 9. Removing the passkey stops it: no passkey button, and its real PRF output opens nothing.
  await settings.getByRole('button', { name: 'Remove passkey Work laptop' }).click();
  await expect(settings.getByTestId('passkey-none')).toBeVisible();
  await lock(options);
  await expect(options.getByRole('button', { name: 'Unlock with passkey' })).toHaveCount(0);
  await expect(popup.getByTestId('passkey-unlock-link')).toHaveCount(0);
  const replayed = await send(options, 'vault/passkey-unlock', { credentialId: registered!.credentialId, prfOutput: realOutput });
  expect(replayed).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
  expect(await vaultState(options)).toBe('locked');

  // 10. Audit: the method on every unlock, counts only; no label, credential id or PRF output.
  const audit = await sendOk<{ entries: { action: string; detail: string | null; counts: Record<string, number> }[] }>(options, 'audit/list', { limit: 200 });
  const vaultEntries = audit.entries
    .filter((e) => e.action.startsWith('vault.'))
    .map((e) => `${e.action}${e.detail ? `:${e.detail}` : ''}`)
    .reverse();
  expect(vaultEntries).toEqual([
    'vault.setup:scrypt N=65536 r=8 p=1',
    'vault.passkey-added',
    'vault.lock:lock',
    'vault.unlock:passkey',
    'vault.lock:lock',
    'vault.unlock:passkey',
    'vault.lock:lock',
    'vault.unlock:passphrase',
    'vault.lock:lock',
    'vault.unlock-failed:passkey',
    'vault.unlock:passphrase',
    'vault.passkey-removed',
    'vault.lock:lock',
    'vault.unlock-failed:passkey',
  ]);
  expect(audit.entries.find((e) => e.action === 'vault.passkey-added')?.counts).toEqual({ passkeys: 1 });
  const text = JSON.stringify(audit);
  for (const secret of ['Work laptop', registered!.credentialId, realOutput]) expect(text).not.toContain(secret);
  expect(await send(options, 'audit/verify', {})).toMatchObject({ ok: true, data: { ok: true } });
});
