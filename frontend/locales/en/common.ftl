# Words used on many pages. Messages for young people go in files without a
# `staff-` prefix and must have an Arabic version in ../ar/ (a test checks).
# Format: `key = text`, one line each; `{ $name }` is filled in by the app.
app-name = Good for Me
loading = Getting this…
try-again = Try again
saved-on = Saved on { $date }. You are offline, so this may be out of date.
language-name = English
go-home = Go to the home page
cancel = Cancel
sending = Sending…
full-stop = .
