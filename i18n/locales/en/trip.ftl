# The trip page, the day page, the plan of days (plan-…).

# Trip page
plan-trip-loading = Loading the trip…
plan-notes = Notes
plan-edit = Edit
plan-delete = Delete
plan-all-trips = ← All trips
plan-show-on-map = Show it on the map
plan-take-along = Take it along
plan-dates = Dates
plan-time-zone = Time zone
plan-day-by-day = Day by day

# Trip page: who is in the trip
plan-role-owner = owner
plan-role-editor = editor
plan-role-viewer = viewer
plan-invite-and-share = Invite and share
plan-members = Members
plan-you-own = You own this trip.
plan-you-edit = You can edit this trip.
plan-you-view = You can view this trip.
plan-members-label = Who plans this trip
plan-history = History

# Trip page: the delete dialog
plan-delete-heading = Delete “{ $name }”?
plan-delete-text = This removes the trip and everything planned in it. It can’t be undone.
plan-cancel = Cancel
plan-delete-trip = Delete trip

# Day page
plan-day-loading = Loading the day…
plan-other-days = Other days

# The plan: days and their headings (`Day 2 · Wed 4 Mar 2027`). $weekday is 1 (Monday) to 7
# (Sunday); $date is the date as the language writes it (`4 Mar 2027`).
plan-weekday-date = { $weekday ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
} { $date }
plan-day-heading = Day { $number } · { $date }
plan-day-link = Day { $number }
plan-days-label = Days of the trip
plan-day-empty = Nothing planned yet.
plan-add-activity = Add an activity
plan-find-place = Find a place to add

# The plan: an activity
plan-any-time = Any time
plan-move-up = Move up: { $title }
plan-move-down = Move down: { $title }
# After the Edit and Delete buttons, for screen readers.
plan-quoted = “{ $title }”

# The plan: the budget
plan-budget = Budget
plan-budget-not-set = Not set
plan-budget-planned = Planned
plan-budget-over = Over by
plan-budget-remaining = Remaining
plan-budget-meter = Share of the budget planned
plan-budget-daily = About { $amount } a day.
plan-budget-by-kind = Planned by kind

# The plan: a day's weather (`Forecast: Light rain · 13–17 °C · 3.4 mm, 80 % chance`)
plan-weather-forecast = Forecast:
plan-weather-observed = On the day:
plan-weather-typical = Typical for these dates:
plan-weather-temperatures = { $min }–{ $max } °C
plan-weather-up-to = up to { $max } °C
plan-weather-from = from { $min } °C
plan-weather-usually-dry = usually dry
plan-weather-wet-most-days = wet most days
plan-weather-rain-days = { $days ->
    [one] rain on about { $days } day in 10
   *[other] rain on about { $days } days in 10
}
plan-weather-mm-a-day = { $mm } mm a day
plan-weather-dry = dry
plan-weather-mm = { $mm } mm
plan-weather-mm-chance = { $mm } mm, { $chance } % chance
plan-weather-at = at { $place }
plan-sky-clear = Clear
plan-sky-mostly-clear = Mostly clear
plan-sky-partly-cloudy = Partly cloudy
plan-sky-overcast = Overcast
plan-sky-fog = Fog
plan-sky-drizzle = Drizzle
plan-sky-freezing-drizzle = Freezing drizzle
plan-sky-light-rain = Light rain
plan-sky-rain = Rain
plan-sky-heavy-rain = Heavy rain
plan-sky-freezing-rain = Freezing rain
plan-sky-light-snow = Light snow
plan-sky-snow = Snow
plan-sky-heavy-snow = Heavy snow
plan-sky-snow-grains = Snow grains
plan-sky-light-showers = Light showers
plan-sky-showers = Showers
plan-sky-heavy-showers = Heavy showers
plan-sky-snow-showers = Snow showers
plan-sky-thunderstorm = Thunderstorm
plan-sky-thunderstorm-hail = Thunderstorm with hail

# The plan: the way from the previous place (`1.2 km from “Belém Tower” · about 25 min by car`)
plan-leg-minutes = about { $minutes } min
plan-leg-hours = about { $hours } h
plan-leg-hours-minutes = about { $hours } h { $minutes } min
plan-leg-on-foot = { $duration } on foot
plan-leg-by-car = { $duration } by car
plan-leg-routed = { $distance } from “{ $from }” · { $way }
plan-leg-straight = { $distance } from “{ $from }” in a straight line
plan-leg-tight = Only { $gap } min after “{ $from }”, but getting here takes { $way }.
plan-leg-warning = Warning:

# The map panel beside the plan
plan-map = Map
plan-map-destination-only = the destination
plan-map-places = { $count ->
    [one] { $count } place
   *[other] { $count } places
}
plan-map-sketch-trip = Sketch map of the trip: { $places }, numbered in the order of the plan, each day’s in its own colour and joined in order
plan-map-sketch-day = Sketch map of the day: { $places }, numbered in the order of the plan, each day’s in its own colour and joined in order
plan-map-tiles = Map tiles:
plan-map-number-title = Number { $number } on the map
plan-map-number = Map number
plan-map-destination-title = The trip's destination
plan-map-destination = Destination:
plan-map-osm-hidden = : { $title } (opens in a new tab)
plan-map-app = Map app
plan-map-app-hidden = : { $title }
