# The frame around every page: header, footer, language switcher.

meta-description = Plan trips day by day, keep an eye on the budget, and share the plan. Self-hosted, fast, and works without JavaScript.
site-tagline = plan the trip, not the spreadsheet.
nav-main = Main
nav-legal = Legal
nav-trips = Trips
nav-privacy = Privacy
nav-terms = Terms
nav-log-in = Log in
nav-sign-up = Sign up
nav-log-out = Log out
theme-to-dark = Use the dark theme
theme-to-dark-short = Dark theme
theme-to-light = Use the light theme
theme-to-light-short = Light theme
loading = Loading…
language-label = Language
language-switch = Show this site in { $language }

# A trip's length.
trip-length = { $days ->
    [one] { $days } day
   *[other] { $days } days
}

# An activity's times and kind, and a day's warnings (trip, day and pack pages).
time-range-next-day = { $start }–{ $end } (next day)
category-sight = Sightseeing
category-food = Food and drink
category-transport = Getting around
category-lodging = Lodging
category-other = Other
warning-overlap = “{ $first }” and “{ $second }” overlap in time.
warning-over-budget-of = This day costs more than the average daily budget of { $budget }.
warning-over-budget = This day costs more than the average daily budget.
warning-out-of-order = “{ $first }” is listed before “{ $second }” but starts later.
