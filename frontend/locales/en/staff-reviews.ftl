# Reviews and feedback (issue 6): staff-only words on the home page. The
# staff review pages themselves are in plain English in their modules.
staff-reviews-home-list-title = Reviews
staff-reviews-home-list-text = Reviews due for the young people you work with, overdue ones first.
staff-reviews-home-alerts-title = Safeguarding alerts
staff-reviews-home-alerts-text = Words young people wrote that suggest they may be at risk, until someone records a response.
staff-reviews-home-insights-title = What young people told us
staff-reviews-home-insights-text = Anonymous totals of the "good for me" answers, by priority and question.
staff-reviews-home-forms-title = Feedback forms
staff-reviews-home-forms-text = Change the "good for me" forms for each age and publish them as new versions.
staff-reviews-home-promise-title = The review promise
staff-reviews-home-promise-text = How soon a child's first review is due after they come into care.
