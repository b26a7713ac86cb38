# Reviews and the "good for me" form (issue 6): what a young person reads.
# Arabic in ../ar/reviews.ftl.

# My review
reviews-my-title = My review
reviews-loading = your review
reviews-about = Your review is a meeting to check that your plan is working for you. It is run by your IRO: someone who is not your social worker, whose job is to check your plan is right for you. You can say what you think before it, and you can ask for it to be sooner.
reviews-about-leaver = Your pathway plan review checks that your plan is still right for you. You can say what you think before it, and you can ask for it to be sooner.
reviews-next-title = Your next review meeting
reviews-today = Today
reviews-tomorrow = Tomorrow
reviews-in-days = In { $days } days
reviews-when = When
reviews-where = Where
reviews-who-runs-it = Who runs it
reviews-who-is-invited = Who is invited
reviews-invited-not-yet = Your IRO will tell you soon.
reviews-when-from-to = { $day }, { $start } to { $end }
reviews-when-at = { $day } at { $start }
reviews-add-to-calendar = Add to my calendar
reviews-calendar-done = Your phone has the meeting now. Open the file to add it to your calendar.
reviews-none-booked = No review meeting is booked yet. Your IRO will tell you when it is.
reviews-due-by = Your next review should happen by { $date }.
reviews-due-late = Your next review should have happened by { $date }. Your IRO knows, and will book it soon.

# How I will take part
reviews-take-part-title = How you will take part
reviews-take-part-question = How do you want to take part?
reviews-take-part-hint = You can change your mind at any time before the meeting. Your IRO will see your choice.
reviews-part-not-decided = You have not decided yet how to take part.
reviews-part-attend = You will come to the meeting.
reviews-part-chair = You will chair the meeting, with your IRO's help.
reviews-part-lead = You will lead part of the meeting yourself.
reviews-part-send-views = You will send your views instead of coming.
reviews-choice-attend = Come to the meeting
reviews-choice-chair = Chair the meeting (be in charge, with help)
reviews-choice-lead = Lead part of it (start it, or say my views myself)
reviews-choice-send-views = Send my views instead of coming
reviews-choice-not-decided = I'm not sure yet
reviews-choice-save = Save my choice
reviews-choice-pick-one = Pick one of the choices first.
reviews-choice-saved = Saved. Your IRO can see your choice.
reviews-saving = Saving…

# Telling the IRO what I think
reviews-feedback-title = Tell your IRO what you think
reviews-feedback-not-started = Before the meeting, you can tell your IRO how things are going and what you want to talk about. Only the people you choose will read it.
reviews-feedback-started = You have started. Your answers are saved, so you can carry on.
reviews-feedback-queued = Your answers are waiting to send. They will send when your phone is back online.
reviews-feedback-sent = You have sent your views. Thank you.
reviews-feedback-start = Tell my IRO what I think
reviews-feedback-continue = Carry on with my answers
reviews-feedback-see = See what I sent

# Can my review be sooner?
reviews-earlier-title = Can my review be sooner?
reviews-earlier-intro = If something has changed, or you are worried about something, you can ask for your review to be sooner.
reviews-earlier-waiting = You have asked for your review to be sooner. Your IRO will talk to you about it.
reviews-earlier-button = Ask for my review to be sooner
reviews-earlier-why = Why do you want it sooner? You don't have to say.
reviews-earlier-why-hint = The people who work with you will read this.
reviews-earlier-send = Send my request
reviews-earlier-sent = Sent. The people who work with you know now, and they will talk to you about it.

# Reviews I have had
reviews-past-title = Reviews you have had
reviews-past-none = You have not had a review here yet.
reviews-past-on = Review on { $date }
reviews-past-talked = What we talked about
reviews-past-decided = What was decided
reviews-you-said-we-did = You said, we did
reviews-answer-by = From { $name }, { $when }.

# The kind message when words suggest someone may not be safe
reviews-support-title = You don't have to deal with this on your own
reviews-support-message = It sounds like things might be really hard for you right now. You can talk to Childline about anything. It is free, and you can call any time, day or night.
reviews-support-childline = Call Childline free: { $phone }
reviews-support-duty = Call the duty desk: { $phone }
reviews-support-worker = We will also let your worker know (or the duty team, if it is out of hours), so someone can help you.

# The form
reviews-form-title = Tell your IRO what you think
reviews-form-loading = Getting your form…
reviews-form-no-review = There is no review meeting booked for you right now, so there is nothing to fill in yet. Your IRO will tell you when there is.
reviews-form-for = For your review on { $when }.
reviews-form-offline-copy = You are offline. You can still fill this in: your answers are saved on this phone.
reviews-form-skip-any = You can skip any question. Your answers are saved on this phone as you go, even if you close the app.
reviews-form-comment = Say why, if you want to
reviews-form-clear = Take back my answer
reviews-form-send = Send
reviews-form-send-now = Try sending now
reviews-back-to-review = Back to my review
reviews-status-on-phone = Saved on this phone.
reviews-status-offline = Saved on this phone. You are offline, so it will be saved online when you are back.
reviews-status-not-kept = This phone could not keep your answers. Please don't close the app until you have sent them.
reviews-status-saved = Saved on this phone and online.
reviews-status-queued = Waiting to send. You are offline. It will send by itself when you are back online.
reviews-status-sending = Sending…

# Who reads it
reviews-readers-title = Who can read this?
reviews-readers-hint = Tick who you want to read your answers. Some people are ticked to start with: you can change that.
reviews-readers-none = You have no workers to send this to yet. Ask your carer to tell the council.
reviews-reader-iro = { $name }, your IRO (the person who runs your review meetings)
reviews-reader-social-worker = { $name }, your social worker
reviews-reader-personal-adviser = { $name }, your personal adviser
reviews-role-iro = your IRO
reviews-role-social-worker = your social worker
reviews-role-personal-adviser = your personal adviser
reviews-list-and = { $first } and { $last }
reviews-who-sees = Only { $names } will see your answers. They will read them before your review.
reviews-who-sees-nobody = Nobody is chosen yet. Choose at least one person to read this.
reviews-who-sees-safety = If you write something that makes us worried about your safety, we will also tell your worker (or the duty team, out of hours) so that someone can help.
reviews-choose-a-reader = Choose at least one person to read this.

# After sending
reviews-sent-title = Sent. Thank you for telling us what you think.
reviews-sent-when = You sent it { $when }.
reviews-sent-answer-later = After your review, your IRO will answer what you said here.
reviews-sent-what = What you sent

# The home page
reviews-home-link-title = My review
reviews-home-link-text = Your next review meeting, and telling your IRO what you think.
# Page titles (found by their English words in route.rs).
title-my-review = My review
title-my-review-feedback = Tell your IRO what you think
