# "Choose your password" with the one-time code.
activate-title = Choose your password
activate-lead = Your worker gave you a code. Type it here, then choose a password. You will use your password to sign in.
activate-code = Your code
activate-code-hint = It has 12 letters and numbers, like ABCD-EFGH-JKMN. Small letters, spaces and dashes are fine.
activate-choose-password = Choose a password
activate-password-hint = Use at least { $min } characters. A few words together works well, and is easy to remember.
activate-type-code = Type the code your worker gave you.
activate-code-length = The code has 12 letters and numbers. Check it, or ask your worker for a new one.
activate-button = Set my password and sign in
activate-busy = Setting your password…
activate-done = Your password is set and you are signed in. Your username is { $username }. You need it, with your password, to sign in next time.
activate-not-working-html = <h2>Code not working?</h2><p>A code works once, for 72 hours. If yours has run out or does not work, ask your worker for a new one.</p><p><a href="/sign-in">I already have a password: sign in</a></p>
