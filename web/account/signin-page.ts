// /signin.html: asks for an address and has a sign-in link mailed; opened from that mail (`#code=…`), it exchanges
// the code for a session cookie, takes the code out of the address bar and history, and goes on to the dashboard.

import { esc } from '../html';
import { getSession, setCsrf } from './session-client';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('signin-status');

function say(text: string): void {
  status.textContent = text;
}

async function redeem(code: string): Promise<void> {
  // Out of the address bar and the history first, whatever the answer: the code is used up either way.
  history.replaceState(null, '', location.pathname);
  say('Signing you in…');
  const res = await fetch('/api/v1/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code }),
  }).catch(() => null);
  if (!res) return say('No connection: open the link again in a moment.');
  if (!res.ok) {
    return say(
      res.status === 429
        ? 'Too many attempts from this connection: wait a few minutes.'
        : 'This sign-in link was used already or has expired. Enter your address to get a new one.',
    );
  }
  const session = (await res.json()) as { csrfToken: string };
  setCsrf(session.csrfToken);
  location.replace('/dashboard.html');
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get('code');
  if (code) return redeem(code);
  if (location.hash === '#signed-out') say('You are signed out.');
  if (params.get('error') === 'sso') say('Single sign-on did not sign you in. Your address may have no account here.');
  if (location.hash) history.replaceState(null, '', location.pathname);
  const session = await getSession();
  if (session.signedIn && session.kind === 'user') {
    say('You are signed in already.');
    $('already').hidden = false;
  }
  if (session.sso) {
    $('sso').innerHTML = `<p><a class="button" href="${esc(session.sso.url)}">${esc(session.sso.label)}</a></p>`;
  }
}

$('signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>('email');
  const email = input.value.trim();
  if (!email) return;
  const button = (e.target as HTMLFormElement).querySelector('button')!;
  button.disabled = true;
  const res = await fetch('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email }),
  }).catch(() => null);
  button.disabled = false;
  if (!res) return say('No connection: try again in a moment.');
  if (res.status === 400) return say('That does not look like an e-mail address.');
  // The same words whether or not the address has an account.
  say(`If ${email} has an account, a sign-in link is on its way. It works once, for 15 minutes.`);
});

// A link pasted into this very tab changes only the fragment: no new page load, so listen for it.
addEventListener('hashchange', () => void start());
void start();
