// Straight to the API, only to put the demo data in a known state before a
// walk in the browser (never what a test checks), and the words the app
// writes for a day. Shared by the test files that need them.
import assert from 'node:assert/strict';
import { api, apiToken } from './helpers.mjs';

/** YYYY-MM-DD, `days` from today (UTC; never after the council's today). */
export const day = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "Wednesday 2 December 2026" for "2026-12-02", as the app writes a day. */
export function dateWords(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A person's language, set as the app's account page sets it. */
export async function saveLanguage(username, language) {
  const res = await api(await apiToken(username), 'PUT', '/me/language', { language });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** Leo's id, as his IRO's list has it. */
export async function leoId(iro) {
  return (await api(iro, 'GET', '/people')).body.find((p) => p.preferred_name === 'Leo').id;
}

/** Leo with a review booked about 10 days ahead and nothing sent for it. */
export async function leoReady() {
  const leo = await apiToken('demo-child-10');
  const mine = (await api(leo, 'GET', '/me/reviews')).body;
  if (mine.next && mine.next.feedback === 'not_started') return;
  const iro = await apiToken('demo-iro');
  const id = await leoId(iro);
  if (mine.next && mine.next.feedback === 'sent') {
    const held = await api(iro, 'POST', `/people/${id}/reviews/outcome`, {
      review_id: mine.next.id, held_on: day(), outcomes: 'We talked about school.', decisions: 'You will stay at home.',
    });
    assert.equal(held.status, 200, JSON.stringify(held.body));
  }
  if (!mine.next || mine.next.feedback === 'sent') {
    const booked = await api(iro, 'POST', `/people/${id}/reviews`, {
      date: day(10), start_time: '16:00', end_time: '17:00', place: 'At home, in the living room',
      invited: ['You', 'Your carers', 'Sam, your social worker', 'Chris, your IRO'],
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
  } else {
    // A draft left on the server by a run that stopped: start clean.
    const screen = (await api(leo, 'GET', '/me/feedback')).body;
    await api(leo, 'PUT', '/me/feedback/draft', { review_id: screen.review.id, form_id: screen.form.id, answers: [] });
  }
}
