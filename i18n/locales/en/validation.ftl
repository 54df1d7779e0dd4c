# What the core's rules say about a form (the `domain` crate writes them in English; pages show
# them through `i18n::rule_message`, which finds each here by its English text). Each English
# value is exactly the domain's text: change both together.
#
# A message with variables is matched as a pattern: the English text around each `{ $variable }`
# must match, and what stands in its place fills the variable. Keep such English values free of
# selectors.

# Form building blocks: the conflict box (someone saved first) and empty values.
form-alert-empty = (empty)
form-alert-field = Field
form-alert-theirs = Their version
form-alert-yours = Yours
# Followed by a link (form-alert-keep-theirs), then form-alert-nothing-saved-end.
form-alert-nothing-saved = Nothing was saved. Save yours below to replace theirs, or{" "}
form-alert-keep-theirs = keep theirs
form-alert-nothing-saved-end = .

# Text in general.
rule-one-line = Keep this to one line, without invisible control characters.
rule-multi-line = Remove the invisible control characters (line breaks and tabs are fine).

# Accounts: sign-up, log-in, password, email.
rule-email-like = Enter an email address like name@example.com.
rule-email-missing = Enter your email address.
rule-email-too-long = That email address is too long.
rule-name-missing = Enter the name other travelers will see.
rule-name-too-long = Use at most 80 characters for your name.
rule-password-too-short = Use at least 8 characters.
rule-password-too-long = Use at most 128 characters.
rule-passwords-differ = The two passwords don’t match.
rule-password-guessable = That password is too common or easy to guess. Try a few unrelated words together.
rule-login-failed = Your email or password is incorrect.
rule-current-password-wrong = That isn’t your current password.
rule-password-for-email = Enter your password to change your email.
rule-password-wrong = That isn’t your password.
rule-already-registered = This address already has an account. Log in, or reset your password if you’ve forgotten it.
rule-signup-link-invalid = This sign-up link has expired or was already used. Sign up again to get a new one.
rule-reset-link-invalid = This reset link has expired or was already used. Ask for a new one below.
rule-confirm-link-invalid = This confirmation link has expired or was already used. Send yourself a new one from your account page.
rule-address-taken = That address is now used by another account, so your email stays as it was.
rule-delete-confirm = Tick this box to confirm that everything will be deleted.

# Trips.
rule-trips-full = You have 5,000 trips, the most one account can hold. Delete trips you no longer need to make room for new ones.
rule-trip-name-missing = Give the trip a name.
rule-trip-name-too-long = Keep the name to 120 characters or fewer.
rule-destination-missing = Where are you going?
rule-destination-too-long = Keep the destination to 120 characters or fewer.
rule-first-day-missing = Choose the first day of the trip.
rule-last-day-missing = Choose the last day of the trip.
rule-date-years = Choose a date between the years 1900 and 2200.
rule-date-like = Enter a date like 2026-03-03.
rule-last-before-first = The last day can’t be before the first day.
rule-trip-too-long = A trip can be at most 366 days long.
rule-zone-choice = Choose a time zone from the list.
rule-currency-choice = Choose a currency from the list.
rule-budget-too-large = The budget can be at most 1,000,000,000.
rule-budget-negative = The budget can’t be negative.
rule-budget-like = Enter an amount like 1500 or 1500.50.
rule-notes-too-long = Keep the notes to 5,000 characters or fewer.
# $activities: up to five activities with their dates, as “Title” (Fri 12 Mar 2027).
rule-activities-outside-more = These activities would fall outside the new dates: { $activities } and others. Move them to other days first, or choose dates that include them.
rule-activities-outside = These activities would fall outside the new dates: { $activities }. Move them to other days first, or choose dates that include them.

# Amounts in a currency with fewer decimals ($code: the currency's code, like JPY).
rule-amount-no-decimals = { $code } amounts have no decimal places.
rule-amount-one-decimal = { $code } amounts have at most 1 decimal place.
rule-amount-decimals = { $code } amounts have at most { $places } decimal places.

# Activities.
rule-activities-full = This trip has 1,000 activities, the most a trip can hold. Delete some to make room for new ones.
rule-day-full = This day already has 100 activities, the most a day can hold. Choose another day.
rule-title-missing = Give the activity a title.
rule-title-too-long = Keep the title to 120 characters or fewer.
rule-place-too-long = Keep the place to 200 characters or fewer.
rule-description-too-long = Keep the description to 5,000 characters or fewer.
rule-day-missing = Choose the day of the activity.
rule-day-outside = Choose a day within the trip.
rule-time-like = Enter a time like 09:30.
rule-start-time-missing = Add a start time, or leave both times empty.
rule-kind-choice = Choose a kind of activity from the list.
rule-cost-too-large = The cost can be at most 100,000,000.
rule-cost-negative = The cost can’t be negative.
rule-cost-like = Enter an amount like 25 or 25.50.

# Places on the map.
rule-latitude = Latitude is a number from -90 to 90.
rule-longitude = Longitude is a number from -180 to 180.
rule-coordinates-both = Give both latitude and longitude, or neither.
rule-place-unreadable = That place could not be read. Search for it again, or remove it.
rule-place-position-missing = A place needs its map position. Search for it again, or remove it.

# Members and invitations.
rule-invitation-invalid = This invitation link is not valid any more: it may have been used, withdrawn or have expired. Ask the person who invited you to send a new one.
rule-role-choice = Choose editor or viewer.
rule-invitations-full = This trip has as many open invitations as it can have. Withdraw some first.
rule-members-full = This trip has as many people as it can have.
rule-new-owner-full = They already own as many trips as anyone can. They need to delete one first.

# Importing a file (the import page lists these).
rule-import-too-large = This file is too large: files up to 768 KB can be imported.
rule-import-empty = This file is empty.
rule-import-not-utf8 = This file is not UTF-8 text. Save it as UTF-8 and try again.
rule-import-not-export = This JSON file is not a Travel Planner export (its "format" is not "travel-planner-export").
rule-import-newer = This export comes from a newer Travel Planner: update this one to import it.
rule-import-no-trips = This export has no trips in it.
rule-import-not-calendar = This is not a calendar (.ics) file: it does not start with BEGIN:VCALENDAR.
rule-import-no-events = This calendar has no events in it.
rule-import-not-gpx-kml = This is not a GPX or KML file.
rule-import-no-waypoints = This GPX file has no waypoints in it.
rule-import-no-placemarks = This KML file has no placemarks with a point in it.
