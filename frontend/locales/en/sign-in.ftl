# "Sign in".
sign-in-title = Sign in
sign-in-username = Username
sign-in-password = Password
sign-in-type-username = Type your username.
sign-in-type-password = Type your password.
sign-in-to-see-page = Please sign in to see that page.
sign-in-button = Sign in
sign-in-busy = Signing in…
sign-in-first-time-html = <h2>First time here?</h2><p>Your worker will give you a code. You use it to choose your password.</p><p><a class="button button-secondary" href="/activate">I have a code from my worker</a></p><h2>Forgot your password?</h2><p>Ask your worker for a new code. Then use it to choose a new password.</p>
