import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import { fakeApi } from '../test/fetch';
import SignIn from './SignIn.svelte';

describe('sign in', () => {
  beforeEach(() => i18n.set('en'));

  it('finds its fields by their labels, says when the password is wrong, and keeps the email', async () => {
    fakeApi({ 'POST /auth/login': { status: 401, body: { title: 'Unauthorized', status: 401, detail: 'wrong email or password' } } });
    render(SignIn);
    await fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'officer@demo.dialoog.nl' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/do not match/);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('officer@demo.dialoog.nl');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('speaks Dutch when asked, before anyone signs in', async () => {
    fakeApi({});
    render(SignIn);
    await fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'nl' } });
    expect(screen.getByRole('button', { name: 'Aanmelden' })).toBeTruthy();
    expect(screen.getByLabelText('Wachtwoord')).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
    i18n.set('en');
  });
});
