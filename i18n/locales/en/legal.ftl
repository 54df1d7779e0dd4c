# The privacy notice (/privacy). Texts around a link are split: "…-before", the link, "…-after".

legal-privacy-title = Privacy
legal-privacy-intro = This notice explains what this Travel Planner site keeps about you, why, for how long, and how to take it with you or delete it.
legal-privacy-who-heading = Who runs this site
legal-privacy-who-text = Travel Planner is software that anyone can install on their own server. This site is run by the person or organisation who installed it here — “the host” below — not by the people who write the software. The host is responsible for your data and is the one to contact with questions about it.
legal-privacy-where = Your data lives on the host’s server (and in the host’s backups), and nowhere else. It is not sold or shared with anyone.

legal-privacy-stored-heading = What is stored
# Each item: a bold label, then its text.
legal-privacy-account-label = Your account:
legal-privacy-account-text = your email address, your name, your home time zone if you choose one, when you signed up and whether you confirmed your email. Your password is never stored: only a one-way hash of it (argon2id), which cannot be turned back into the password.
legal-privacy-trips-label = Your trips and activities:
legal-privacy-trips-text = everything you enter to plan them — names, places, dates, times, notes, costs and budgets.
# The cookie item reads: label, the cookie’s name, "called", its other name, text.
legal-privacy-cookie-label = A session cookie,
legal-privacy-cookie-called = (called
legal-privacy-cookie-text = on https sites), that keeps you logged in. It holds a random id and nothing else; the server keeps a matching session record with your account’s id.
legal-privacy-links-label = Links we email you
legal-privacy-links-text = to reset your password or confirm your address: only a fingerprint of each link is stored, and the links expire.
legal-privacy-logs-label = Server logs:
legal-privacy-logs-text = for each request, the time, the kind of page, a random request id, the result and how long it took; log-ins and account changes are logged with your account’s internal id. Logs never contain passwords. If the host has switched on error reporting, the details of an error (the kind of page and a request id — never passwords, cookies or what you typed) also go to the host’s error tracker.

legal-privacy-not-heading = What is not
# When the site shows map images from an outside service.
legal-privacy-not-with-map = There are no analytics, no tracking, no advertising and no third-party scripts or fonts: every part of every page comes from this server, but for the map’s background images (see “Maps, places and weather” below). The only cookie is the session cookie, which is needed to log you in, so there is no cookie banner.
legal-privacy-not = There are no analytics, no tracking, no advertising and no third-party scripts, fonts or images: every part of every page comes from this server. The only cookie is the session cookie, which is needed to log you in, so there is no cookie banner.

legal-privacy-emails-heading = Emails
legal-privacy-emails-text = You only get emails about your account: confirming your address and resetting your password. No newsletters, no marketing.
legal-privacy-kept-heading = How long it is kept
legal-privacy-kept-text = Your account, trips and activities are kept until you delete them. A session ends when you log out, after 30 days without a visit, or 90 days after you logged in (the host can choose other limits). Password-reset links work for one hour. How long logs and backups are kept is up to the host; deleted data disappears from backups as they are replaced.

legal-privacy-rights-heading = Your rights
legal-privacy-see-label = See and correct:
legal-privacy-see-text = your profile and trips are shown and can be changed in the app.
legal-privacy-download-label = Download your data:
legal-privacy-download-before = your
# The button’s name must match the one on the account page.
legal-privacy-download-after = has a “Download my data” button that gives you everything as one file.
legal-privacy-delete-label = Delete your account:
legal-privacy-delete-before = also on your
legal-privacy-delete-after = . It deletes your account and all your trips at once and logs you out everywhere.
legal-privacy-ask = For anything else, ask the host.
# The link to /account, in the privacy notice and the terms.
legal-account-page = account page

# The privacy notice: the outside services this site uses. Each item reads: label, the
# service’s name and address, text.
legal-services-heading = Maps, places and weather
legal-services-none = This site contacts no outside service for maps, places or weather.
legal-services-intro = To show maps, find real places and tell the weather, this site uses the outside services below. This server asks them; your account, your name and your email address are never sent.
legal-services-places-label = Finding places:
legal-services-places-text = receives the words you type in the place search and, to rank nearby places first, the area of your trip to about 10 km — never who you are. The results are kept on this server for up to 30 days and shared by everyone using it, without who searched or what for.
legal-services-map-label = The map:
legal-services-map-text = sends the map’s background images. Your browser loads them straight from there when a page shows a map, so that service sees your internet address and the part of the map you look at, as with any map website. Without JavaScript no map images are loaded.
legal-services-weather-label = Weather:
legal-services-weather-text = receives the position of your trips’ places to about 10 km and the dates, and nothing else. Weather is kept on this server and shared by everyone using it.
legal-services-routing-label = Travel times:
legal-services-routing-text = receives the positions of two places you visit one after the other on a day, to tell how long the way between them takes — never who you are or what you do there.

# The terms of use (/terms).

legal-terms-title = Terms
legal-terms-heading = Terms of use
legal-terms-intro-before = Short and plain: by creating an account you agree to these terms. The
legal-terms-privacy-link = privacy notice
legal-terms-intro-after = explains what is stored about you.
legal-terms-who-heading = Who you are dealing with
legal-terms-who-text = This site is run by the person or organisation who installed Travel Planner on this server (“the host”). The host provides it free of charge unless they tell you otherwise.
legal-terms-yours-heading = Your part
legal-terms-yours-use = Use the site to plan your own travel, and keep your password to yourself.
legal-terms-yours-abuse = Don’t abuse it: no attacks, no attempts to get into other people’s accounts, no flooding it with requests or automated sign-ups, and nothing illegal.
legal-terms-yours-content = What you enter stays yours. The host only stores it and shows it to you.
legal-terms-host-heading = The host’s part
legal-terms-host-suspend = The host may suspend or delete an account that abuses the site, and may change or stop the service; they will try to give notice first.
legal-terms-host-private = The host keeps your data private as the privacy notice describes.
legal-terms-warranty-heading = No guarantees
legal-terms-warranty-text = The site is provided as it is, without warranty: use it at your own risk. Check important details (times, bookings, prices) at their source, and keep your own copy of what matters — the “Download my data” button on your account page gives you everything.
legal-terms-leaving-heading = Leaving
legal-terms-leaving-before = You can delete your account at any time from your
legal-terms-leaving-after = ; everything in it is deleted with it.
legal-terms-software-heading = The software
legal-terms-software-before = Travel Planner is free software under the
legal-terms-license = GNU Affero General Public License, version 3 or later
legal-terms-software-after = . You may study, change and share it; if the host changed it, they must offer you the source of the version you use.

# The landing page (/) for visitors.

landing-heading = Plan every day of your trip in one place
landing-lead = Create a trip, lay out each day’s activities with times and places, and watch the budget add up as you go — on your phone or your laptop.
landing-start = Start planning — it’s free
landing-have-account = I already have an account
landing-features = What you can do
landing-glance-title = Trips at a glance
landing-glance-text = Every trip with its dates, destination and budget, upcoming ones first.
landing-itinerary-title = Day-by-day itinerary
landing-itinerary-text = Sights, meals, transport and stays, in order, in the trip’s own time zone.
landing-budget-title = A budget that adds up
landing-budget-text = See what each day and each kind of spending costs, and what is left.
landing-promise-title = Yours to run
landing-promise-text = Travel Planner is one small program you can host yourself. Pages load fast on a slow connection, every form works even with JavaScript turned off, and there is no tracking.

# The app’s frame: the first link on every page (also on the server’s plain error pages).
landing-skip-link = Skip to content
