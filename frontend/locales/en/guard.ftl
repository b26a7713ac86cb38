# Pages only for signed-in people, and the page for a wrong address.
guard-checking = Checking you are signed in…
guard-to-sign-in = Taking you to sign in…
guard-cannot-check = We can't check who you are
guard-not-for-you = This page is not for your account
guard-not-for-you-text = You are signed in, but this page is for other people.
not-found-title = We can't find that page
not-found-text = The link might be wrong, or the page might have moved.
