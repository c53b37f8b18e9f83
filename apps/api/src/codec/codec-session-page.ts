/**
 * Where an admin's browser gets the codec session cookie: paste an access token, the page sends
 * it as a bearer token (the cookie itself is HttpOnly, no script reads it back). The script is a
 * file of its own: the API's content security policy allows no inline script.
 */
export const CODEC_SESSION_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Polku · decoding in the Temporal UI</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem}textarea{width:100%;height:6rem}</style>
<h1>Decoding in the Temporal UI</h1>
<p>Temporal stores workflow payloads encrypted. To let the Temporal UI in this browser show them, paste an
<strong>admin</strong> access token. It is kept in a cookie for <code>/codec</code> on this site only, until the token expires.</p>
<p>In the Temporal UI's codec server settings, use this API's <code>/codec</code> as the endpoint
(locally <code>http://127.0.0.1:3000/codec</code>) and turn on <em>Include cross-origin credentials</em>.</p>
<form id="sign-in"><textarea id="token" autocomplete="off" spellcheck="false" required></textarea>
<p><button>Sign in for decoding</button> <button type="button" id="sign-out">Sign out</button></p></form>
<p id="status" role="status"></p>
<script src="session.js" defer></script>
</html>
`;

export const CODEC_SESSION_SCRIPT = `const status = document.getElementById('status');
const token = document.getElementById('token');
document.getElementById('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const answer = await fetch('session', { method: 'POST', headers: { authorization: 'Bearer ' + token.value.trim() } });
  token.value = '';
  status.textContent = answer.ok ? 'Signed in: the Temporal UI can decode payloads.' : 'Refused (' + answer.status + '): an admin access token is needed.';
});
document.getElementById('sign-out').addEventListener('click', async () => {
  await fetch('session', { method: 'DELETE' });
  status.textContent = 'Signed out.';
});
`;
