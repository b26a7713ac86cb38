# "Get help now" and the help panel on the home page. Phone numbers and
# "Childline" stay as they are in every language.
help-need-help-now = Need help now?
help-getting-phone = Getting your council's phone number…
help-council-can-help = { $council } can help you, day or night.
help-call = Call { $phone }
help-ask-for-phone = Ask your worker for your council's phone number.
help-no-phone = We couldn't get your council's phone number.
help-childline-html = <p>You can also call Childline for free on <a href="tel:08001111">0800 1111</a>. They are there any time, and you don't have to say your name.</p>
help-danger-999 = If you are in danger right now, call 999.
help-call-999 = Call 999
help-page-top-html = <h1>Get help now</h1><p class="lead">You don't have to deal with things on your own. Someone will listen.</p><section class="help-panel help-panel-urgent" aria-labelledby="danger"><h2 id="danger">If you are in danger</h2><p>If you or someone else is in danger right now, call 999.</p><a class="button button-call" href="tel:999">Call 999</a></section>
help-talk-council = Talk to your council
help-talk-childline = Talk to Childline
help-someone-html = <section aria-labelledby="someone"><h2 id="someone">Talk to someone you trust</h2><p>That could be your carer, your worker, a teacher or a friend's grown-up.</p></section>
