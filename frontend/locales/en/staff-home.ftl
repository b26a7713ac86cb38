# The home page for staff (English only).
staff-home-hello = Hello, { $name }
staff-home-signed-in-as = You are signed in as { $role } at { $council }.
staff-home-link-caseload-title = My young people
staff-home-link-caseload-text = The young people you work with now.
staff-home-link-questions-title = Questions about plans
staff-home-link-questions-text = What young people did not understand or did not agree with in their plans.
staff-home-link-requests-title = Requests about the offer
staff-home-link-requests-text = What young people have asked for from the local offer.
staff-home-link-new-person-title = Add a young person
staff-home-link-new-person-text = Make a record for a young person new to the service.
staff-home-link-staff-accounts-title = Staff accounts
staff-home-link-staff-accounts-text = Add staff, switch accounts off and on, and make sign-in codes.
staff-home-link-account-title = My account
staff-home-link-account-text = Your password and where you are signed in.
