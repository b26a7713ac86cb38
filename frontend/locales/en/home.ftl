# The home page.
home-welcome = Hi, welcome to Good for Me
home-welcome-lead = This app is for you if you are in care, or if you have left care.
home-start-actions-html = <div class="actions"><a class="button" href="/sign-in">Sign in</a><a class="button button-secondary" href="/activate">I have a code from my worker</a></div>
home-what-for-html = <h2>What is this app for?</h2><p>It will help you find out what help you can get, and keep track of your plans. You are in charge of your own story.</p>
home-your-council = Your council is { $council }.
home-what-help-html = <h2>What help can I get?</h2><p>The council has a list of the help and money it gives young people in care and care leavers. <a href="/offer">See the local offer</a>.</p>
home-who-sees-html = <h2>Who can see what?</h2><p>Your things are private. Find out who can see them in <a href="/about">About this app</a>.</p>
home-hi = Hi, { $name }
home-signed-in-lead = Good to see you. What would you like to do?
home-link-plan-title = My plan
home-link-plan-text = Your plan in plain words. Ask about anything that is not clear.
home-link-people-title = My people
home-link-people-text = Your workers, what they do, and how to reach them.
home-link-offer-title = My offer
home-link-offer-text = Help and money you can get now, and what is coming up.
home-link-account-title = My account
home-link-account-text = Your password, where you are signed in, and who has looked at your records.
