# Notifications: the list in the app, the settings for this phone, the count
# in the header, and the words of a push message on the lock screen.
# The three notifications-push-* lines are also copied into the service
# worker at build time (scripts/trunk-post-build.py): keep them neutral, with
# no names, places or care details, because others may see a lock screen.
notifications-push-title = You have an update
notifications-push-title-urgent = You have an urgent alert
notifications-push-body = Open Good for Me to see it.
notifications-title = Notifications
notifications-header-link = Notifications
notifications-header-new = { $count } new
notifications-lead = What has changed for you. Tap one to see it.
notifications-what = your notifications
notifications-empty = Nothing here yet. When something changes for you, it shows here.
notifications-new = New
notifications-when = { $when }
notifications-mark-read = Mark as read
notifications-mark-read-more = : { $what }
notifications-mark-all-read = Mark all as read
notifications-all-read = Done. Everything is marked as read.
notifications-marked-read = Marked as read.
notifications-settings-link = Choose what reaches your phone
notifications-opening-title = Your notification
notifications-opening = Opening your notification…
notifications-not-found-title = We can't find that notification
notifications-not-found = It may be old, or for someone else who used this phone. All of your notifications are in your list.
notifications-see-list = See all your notifications
notifications-settings-title = Notification settings
notifications-phone-heading = On this phone
notifications-why = We can tell you on this phone when something changes for you. For example, a reminder before your review meeting, or a new answer to your question.
notifications-private = The message on your lock screen only says "You have an update". It never shows names or what it is about, so other people can't read your business. You see the details when you open the app.
notifications-list-works = You don't have to turn this on. Everything is in your notifications list in the app too.
notifications-ask-next = When you tap the button, your phone asks if Good for Me may send notifications. Choose "Allow".
notifications-turn-on = Turn on notifications on this phone
notifications-turning-on = Turning on…
notifications-turn-off = Turn off notifications on this phone
notifications-turning-off = Turning off…
notifications-checking = Checking this phone…
notifications-on = Notifications are on for this phone.
notifications-off = Notifications are off for this phone.
notifications-now-on = Done. This phone will now get notifications.
notifications-now-off = Done. This phone won't get notifications any more.
notifications-unsupported = This browser can't show notifications. Everything is still in your notifications list in the app.
notifications-blocked = Notifications are blocked for Good for Me in this browser. To get them, allow notifications for this app in your phone's settings, then come back here.
notifications-dismissed = You didn't allow notifications, so nothing has changed. You can try again at any time.
notifications-failed = This phone's browser couldn't set up notifications just now. Please try again later. Everything is still in your notifications list in the app.
notifications-kinds-heading = What reaches your phone
notifications-kinds-hint = Your list in the app always shows everything. These choices are only about your phone.
notifications-kind-review_reminder = Reminders before your review meetings
notifications-kind-new_worker = When someone new starts working with you
notifications-always-on = Always on, to keep people safe.
notifications-quiet-heading = Quiet hours
notifications-quiet-now = From { $start } to { $end }, nothing reaches your phone. It waits until { $end }. Your list in the app still shows it straight away.
notifications-quiet-start = Quiet from
notifications-quiet-end = Quiet until
notifications-quiet-hint = Use the 24-hour clock, for example 21:00.
notifications-quiet-bad = Please write a time like 21:00.
notifications-save = Save my choices
notifications-saving = Saving…
notifications-saved = Saved. Your choices are kept for every phone you use.
notifications-what-settings = your choices
# Page titles (found by their English words in route.rs).
title-notifications = Notifications
title-notification-open = Your notification
title-notification-settings = Notification settings
notifications-delete = Delete
notifications-deleted = Deleted. It is gone from your list.
