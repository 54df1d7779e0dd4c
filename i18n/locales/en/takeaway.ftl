# Take it along, under a trip's plan; the calendar part also on the account page.

takeaway-title = Take it along
takeaway-calendar = Calendar
takeaway-feed-ready = Your calendar address is ready.
takeaway-feed-once = Subscribe with it now: for your safety we show it only this once.
takeaway-feed-subscribe = Subscribe in my calendar app
takeaway-feed-address = Calendar address (for Google Calendar, Outlook and other apps: “add calendar from URL”)
takeaway-feed-copy = Copy
takeaway-feed-anyone-trip = Anyone with this address can see this trip. Keep it to yourself; you can turn it off at any time.
takeaway-feed-anyone-all = Anyone with this address can see all your trips — the ones you plan later too. Keep it to yourself; you can turn it off at any time.
takeaway-feed-since-trip = Your calendar app follows this trip since { $date }, and picks up changes within the hour.
takeaway-feed-since-all = Your calendar app follows all your trips — the ones you plan later too since { $date }, and picks up changes within the hour.
takeaway-feed-lost = We show the address only when it is made. Lost it? Make a new one — the old one stops working.
takeaway-feed-renew = Make a new address
takeaway-feed-turn-off = Turn off
takeaway-feed-intro-trip = See this trip in your phone’s calendar: subscribe once, and changes to the plan show up by themselves.
takeaway-feed-intro-all = See all your trips — the ones you plan later too in your phone’s calendar: subscribe once, and changes to the plan show up by themselves.
takeaway-feed-make = Make a calendar address
takeaway-feed-turned-off = The calendar address is turned off. Calendars subscribed to it stop updating.
takeaway-files = Files
takeaway-file-pack = Trip pack
takeaway-file-pack-hint = the whole trip as one page to keep on your phone or print; opens without a connection
takeaway-file-ics = Calendar file (.ics)
takeaway-file-ics-hint = a one-time copy of the plan for any calendar app
takeaway-file-gpx = Places (GPX)
takeaway-file-gpx-hint = for map and hiking apps: the places, and each day’s route
takeaway-file-kml = Places (KML)
takeaway-file-kml-hint = for Google Earth and My Maps
takeaway-file-activities = Activities (CSV)
takeaway-file-activities-hint = for spreadsheets: day, times, place, kind, cost
takeaway-file-budget = Budget (CSV)
takeaway-file-budget-hint = for spreadsheets: costs by day and kind
takeaway-file-json = Everything (JSON)
takeaway-file-json-hint = to import into Travel Planner again
takeaway-bring-in = Bring things in
takeaway-bring-in-text = Add events from a calendar file, or places from a GPX or KML file.
takeaway-bring-in-link = Import into this trip…

# The calendar feed's address, as a calendar app reads it.
takeaway-feed-gone = This calendar address does not work (any more). Make a new one on the trip's page in Travel Planner, and subscribe to that.
takeaway-feed-failed = Something went wrong on our side. Your calendar app will try again later.
takeaway-feed-all-name = My trips (Travel Planner)

# The import pages, and what an imported file did.
takeaway-import-failed = Nothing was imported: the file has problems.
takeaway-import-fix = Fix them and send it again.
takeaway-import-more = { $count ->
    [one] …and { $count } more.
   *[other] …and { $count } more.
}
takeaway-import-trips = Import trips
takeaway-import-all-trips = ← All trips
takeaway-import-trips-text = Choose a JSON file exported from Travel Planner — a trip’s “Everything (JSON)” file, or “Download my data” from your account. Each trip in it becomes a new trip of yours; nothing you have changes.
takeaway-import-file = File
takeaway-import-up-to = Up to { $kb } KB.
takeaway-import-submit = Import
takeaway-import-cancel = Cancel
takeaway-import-into-title = Import into { $trip }
takeaway-import-into = Import into “{ $trip }”
takeaway-import-into-text = Events from a calendar file (.ics) become activities at their times in this trip’s time zone; events on other days are left out. Places from a GPX or KML file are added to the day you choose.
takeaway-import-kinds = A calendar (.ics), GPX or KML file, up to { $kb } KB.
takeaway-import-day = Day for places
takeaway-import-day-option = Day { $number } · { $date }
takeaway-import-day-hint = GPX and KML places go to this day. Calendar events keep their own days.
takeaway-import-unreadable = The file could not be received. Try again.
takeaway-import-choose = Choose a file to import.
takeaway-import-json-here = A Travel Planner JSON file holds whole trips: import it from your trips list (“Import trips”).
takeaway-import-wrong-kind = Choose a calendar (.ics), GPX or KML file.
takeaway-import-none-inside = { $count ->
    [one] The one event in this calendar falls outside the trip’s dates.
   *[other] None of the { $count } events in this calendar falls within the trip’s dates.
}
takeaway-imported-trips = { $count ->
    [one] Trip imported.
   *[other] { $count } trips imported.
}
takeaway-imported-activities = { $count ->
    [one] { $count } activity imported.
   *[other] { $count } activities imported.
}
takeaway-imported-left-out = { $count ->
    [one] { $count } event on another day was left out.
   *[other] { $count } events on other days were left out.
}

# The trip pack: the whole trip as one page to keep.
takeaway-pack-title = { $trip } · Trip pack
takeaway-pack-dates = Dates
takeaway-pack-zone = Time zone
takeaway-pack-notes = Notes
takeaway-pack-where = Where things are
takeaway-pack-sketch = A sketch of the places, numbered in the order of the plan
takeaway-pack-no-places = No place in this trip has coordinates yet.
takeaway-pack-place-day = Day { $day }
takeaway-pack-days = Day by day
takeaway-pack-nothing = Nothing planned.
takeaway-pack-any-time = Any time
takeaway-pack-saved = Saved from Travel Planner on { $date } at { $time } UTC. Times are local to the trip’s time zone.

# A trip's history: who changed what, when.
history-title = History
history-loading = Loading the history…
history-intro = { $count ->
    [one] The last change, newest first. Times are the trip’s ({ $zone }).
   *[other] The last { $count } changes, newest first. Times are the trip’s ({ $zone }).
}
history-when = { $date }, { $time }
history-none = No changes yet.
history-someone = Someone
history-trip-created = { $who } created the trip “{ $summary }”
history-trip-edited = { $who } changed the trip’s details
history-trip-deleted = { $who } deleted the trip
history-activity-added = { $who } added “{ $summary }”
history-activity-edited = { $who } changed “{ $summary }”
history-activity-moved = { $who } moved “{ $summary }”
history-activity-deleted = { $who } deleted “{ $summary }”
history-member-joined = { $who } joined the trip
history-member-left = { $who } left the trip
history-member-removed = { $who } removed { $summary } from the trip
history-roles-changed = { $who }: { $summary }
history-share-link-created = { $who } made a share link
history-share-link-revoked = { $who } deleted the share link
# A role change's summary (“Ben is now an editor”).
history-now-owner = { $name } is now the owner
history-now-editor = { $name } is now an editor
history-now-viewer = { $name } is now a viewer
