# Positive Journeys for staff (English only): links on the home page.
staff-forum-home-queue-title = Forum moderation
staff-forum-home-queue-text = Posts waiting for approval, reported posts and flagged words in Positive Journeys.
staff-forum-home-events-title = Forum events and polls
staff-forum-home-events-text = Add events, see who is coming, run polls and write "you said, we did".
staff-forum-home-log-title = Forum moderation log
staff-forum-home-log-text = Every moderation action in Positive Journeys: who, what, when and why.
staff-forum-home-figures-title = Participation figures
staff-forum-home-figures-text = How many young people took part, by age band, with no names.
