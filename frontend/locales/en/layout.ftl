# The frame of every page: skip link, bottom bar, page titles.
# `nav-…` and `title-…` are found by their English words in route.rs (see
# `i18n::words_for`): keep them the same as there.
layout-skip = Skip to main content
layout-nav-main = Main
nav-home = Home
nav-sign-in = Sign in
nav-help = Get help
nav-about = About
nav-my-plan = My plan
nav-my-offer = My offer
nav-account = Account
title-home = Home
title-help = Get help now
title-about = About this app
title-sign-in = Sign in
title-activate = Choose your password
title-account = My account
title-my-plan = My plan
title-my-people = My people
title-my-offer = My offer
title-my-requests = What I have asked about
title-offer = The local offer
title-not-found = Page not found
