# The home page.
home-welcome = Hi, welcome to Good for Me
home-welcome-lead = This app is for you if you are in care, or if you have left care.
home-start-actions-html = <div class="actions"><a class="button" href="/sign-in">Sign in</a><a class="button button-secondary" href="/activate">I have a code from my worker</a></div>
home-what-for-html = <h2>What is this app for?</h2><p>It will help you find out what help you can get, and keep track of your plans. You are in charge of your own story.</p>
home-your-council = Your council is { $council }.
home-what-help-html = <h2>What help can I get?</h2><p>The council has a list of the help and money it gives young people in care and care leavers. <a href="/offer">See the local offer</a>.</p>
home-who-sees-html = <h2>Who can see what?</h2><p>Your things are private. Find out who can see them in <a href="/about">About this app</a>.</p>
home-hi = Hi, { $name }
home-signed-in-lead = Good to see you. Here is what is going on for you.
home-link-plan-title = My plan
home-link-plan-text = Your plan in plain words. Ask about anything that is not clear.
home-link-people-title = My people
home-link-people-text = Your workers, what they do, and how to reach them.
home-link-offer-title = My offer
home-link-offer-text = Help and money you can get now, and what is coming up.
home-link-account-title = My account
home-link-account-text = Your password, where you are signed in, and who has looked at your records.
home-link-notifications-title = Notifications
home-link-notifications-text = News about your plan, your offer and your reviews.
home-link-forum-title = Positive Journeys
home-link-forum-text = Talk with other young people in care, join events and have your say.

# What the home page shows from GET /api/me/home. Counted messages have
# four forms (one, two, few = 3 to 10, many = 11 and more) because Arabic
# needs them; in English "two", "few" and "many" read the same.
home-loading = your home page
home-review-on = Your next review meeting is on { $date }.
home-review-today = That is today.
home-review-tomorrow = That is tomorrow.
home-review-in-days-two = That is in 2 days.
home-review-in-days-few = That is in { $count } days.
home-review-in-days-many = That is in { $count } days.
home-review-none = No review meeting is booked yet. You will be told when it is.
home-form-not-done = Your form for the meeting: not done yet. You can fill it in if you want to.
home-form-started = Your form for the meeting: started. Your answers are saved.
home-form-queued = Your form for the meeting: waiting to send. It will send when your phone is back online.
home-form-done = Your form for the meeting: done. Thank you.
home-form-start = Fill in my form
home-form-carry-on = Carry on with my form
home-form-see = See what I sent
home-people-none = Your workers will show here when the council adds them.
home-person = { $name }, your { $worker }
home-plan-none = Your plan is not ready yet. Your worker will share it with you.
home-plan-shared = Your plan was shared with you { $when }.
home-plan-changed = Your plan changed { $when }.
home-plan-what-changed = What changed: { $parts }.
home-comma = ,
home-offer-nothing-new = Nothing new in your offer lately.
home-offer-new = New lately:
home-offer-more-one = And 1 more in My offer.
home-offer-more-two = And 2 more in My offer.
home-offer-more-few = And { $count } more in My offer.
home-offer-more-many = And { $count } more in My offer.
home-offer-requests-one = There is news about 1 thing you asked about.
home-offer-requests-two = There is news about 2 things you asked about.
home-offer-requests-few = There is news about { $count } things you asked about.
home-offer-requests-many = There is news about { $count } things you asked about.
home-unread-none = No new notifications.
home-unread-one = You have 1 new notification.
home-unread-two = You have 2 new notifications.
home-unread-few = You have { $count } new notifications.
home-unread-many = You have { $count } new notifications.
