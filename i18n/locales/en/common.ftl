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

# Words the page scripts show (public/app.js, places.js, map.js), handed to them in data
# attributes. `{name}` and `{count}` are filled in by the script.
js-offline-note = You’re offline. This needs a connection: what you typed stays here — send it again when you’re back online.
js-copied = Copied.
js-selected = Selected: copy it with your device’s copy command.
js-places-not-answering = The place search is not answering; try again in a minute.
js-places-too-short = Type at least 2 letters of the place’s name.
js-places-on-form = “{ $name }” is on the form. Save to keep it.
js-places-found = { $count ->
    [one] 1 place found: choose it to put it on the form.
   *[other] { $count } places found: choose one to put it on the form.
}
js-map-label = Interactive map: the places of the list below
js-map-destination = Destination: { $name }
