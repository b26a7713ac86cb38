# The administrator's offer editor (staff only: no translation needed).
staff-home-link-offer-title = The local offer
staff-home-link-offer-text = Change what young people are entitled to. Every change is kept.
