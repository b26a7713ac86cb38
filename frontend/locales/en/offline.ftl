# The app on a phone: a new version, and data kept for when there is no
# signal ("Saved on" itself is `saved-on` in common.ftl).
offline-update-ready = A new version of Good for Me is ready.
offline-update-reload = Reload to get it
offline-back-online = You are back online.
offline-show-latest = Show the latest
