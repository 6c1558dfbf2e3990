import { type RenderedMail, render } from './templates';

// The sign-in mail: the link and how long it works. It names no organisation and no role, so a mail that reaches
// the wrong inbox tells its reader nothing about the product's users.

export interface SignInMailInput {
  link: string;
  minutes: number;
  sender: string;
}

export function signInMail(input: SignInMailInput): RenderedMail {
  return render('Your orgos sign-in link', [
    { p: 'Hello,' },
    {
      p: `Someone (we hope you) asked to sign in to orgos with this address. This link signs you in once, within ${input.minutes} minutes:`,
    },
    { link: input.link },
    { p: 'If you did not ask for it, ignore this message: nothing happens unless the link is opened.' },
    { footer: [`Sent by ${input.sender}.`] },
  ]);
}
