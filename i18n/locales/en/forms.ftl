# Shared by the trip and activity forms.

form-cancel = Cancel
form-keep-it = Keep it
form-save = Save
form-search = Search
form-notes = Notes (optional)
form-delete-confirm = Delete “{ $name }”?

# The new trip, edit trip and delete trip pages.

form-back-all-trips = ← All trips
form-back-to-trip = ← Back to the trip
form-new-trip-title = New trip
form-new-trip-heading = Plan a new trip
form-new-trip-submit = Create trip
form-edit-trip-title = Edit { $name }
form-edit-trip-heading = Edit trip
form-edit-trip-shift = If the first day changes, move every planned activity by the same number of days
form-edit-trip-submit = Save changes
form-delete-trip-title = Delete { $name }
form-delete-trip-text = This removes the trip and everything planned in it. It can’t be undone.
form-delete-trip-submit = Delete trip

# The trip form's fields.

form-trip-name = Trip name
form-trip-name-hint = For example “Spring in Lisbon”.
form-trip-destination = Destination
form-trip-place = The destination on the map (optional)
form-trip-start = First day
form-trip-end = Last day
form-trip-zone = Time zone
form-trip-zone-hint = Dates and times in this trip are in this zone, wherever you view them from.
form-trip-currency = Currency
form-trip-budget = Budget (optional)
form-trip-budget-hint = The total you plan to spend, e.g. 1500.50.

# The add, edit and delete activity pages.

form-new-activity-title = Add an activity
form-new-activity-submit = Add activity
form-edit-activity-title = Edit activity
form-edit-activity-submit = Save activity
form-delete-activity-title = Delete activity
# $day is a date ("Tue 3 Mar 2026"), $trip the trip's name.
form-delete-activity-text = It will be removed from { $day } in “{ $trip }”. This can’t be undone.
form-delete-activity-submit = Delete activity

# The activity form's fields.

form-activity-title = Title
form-activity-title-hint = For example “Tram 28 to Alfama”.
form-activity-day = Day
# An option of the day list: "Day 2 · Wed 4 Mar 2026".
form-activity-day-option = Day { $number } · { $date }
form-activity-start = Starts at (optional)
form-activity-end = Ends at (optional)
form-activity-end-hint = Earlier than the start: it ends the next day.
form-activity-kind = Kind
form-activity-location = Place (optional)
form-activity-cost = Cost (optional)
# Amounts are typed with a decimal point (a comma is read as a thousands separator).
form-activity-cost-hint = In the trip’s currency, e.g. 25.50.
form-activity-cost-hint-whole = In the trip’s currency, in whole units, e.g. 2500.
form-activity-place = On the map (optional)

# The place part of the trip and activity forms.

form-place-find = Find a place by name
form-place-find-hint = A sight, a restaurant, a hotel or an address, e.g. “Torre de Belém, Lisbon”.
# Read by screen readers before the place's name.
form-place-chosen = Chosen place:
form-place-remove = Remove this place from the map
form-place-by-hand = Map position by hand
form-latitude = Latitude
form-longitude = Longitude
form-place-picked = “{ $place }” is on the form below. Save to keep it.
form-place-gone = That search result is no longer available. Search for the place again.

# The place search page.

form-place-search-title = Find a place
form-place-searching = Searching…
form-place-search-back = ← Back to the form without a place
form-place-search-for-trip = for the trip’s destination in “{ $trip }”
form-place-search-for-activity = for the activity in “{ $trip }”
form-place-search-label = Place name
form-place-search-hint = A sight, a restaurant, a hotel or an address. Add the town to be sure, e.g. “Torre de Belém, Lisbon”.
form-place-search-start = Search for the place by its name; pick it from the results.
form-place-search-too-short = Type at least 2 letters of the place’s name.
form-place-search-off = This site has no place search. You can still put a place on the map by its latitude and longitude in the form.
form-place-search-down = The place search is not answering; try again in a minute.
form-place-search-none = No places found for “{ $query }”. Check the spelling, or add the town: “{ $query }, Lisbon”.
form-place-search-count = { $count ->
    [one] { $count } place found
   *[other] { $count } places found
}
form-place-use = Use this place
# After "Use this place", for screen readers only: ": Torre de Belém".
form-place-use-which = : { $place }

# Messages shown on the next page after saving.

form-trip-created = Trip created. Add activities to any day below.
form-trip-saved = Trip saved.
form-trip-deleted = Trip deleted.
form-activity-added = Activity added.
form-activity-saved = Activity saved.
form-activity-deleted = Activity deleted.

# A save refused because someone else saved first; $time is "14:02".

form-conflict-by = Changed by { $who } at { $time } since you opened it.
form-conflict-someone = Someone changed this since you opened it.
# The fields compared, as the conflict's table names them.
form-field-name = Name
form-field-budget = Budget
form-field-notes = Notes
form-field-starts = Starts
form-field-ends = Ends
form-field-place = Place
form-field-category = Category
form-field-cost = Cost
form-field-ends-next-day = Ends the next day
