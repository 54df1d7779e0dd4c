# Der Rahmen jeder Seite: Kopf, Fuß, Sprachwahl.

meta-description = Reisen Tag für Tag planen, das Budget im Blick behalten und den Plan teilen. Selbst gehostet, schnell und auch ohne JavaScript nutzbar.
site-tagline = Plane die Reise, nicht die Tabelle.
nav-main = Hauptmenü
nav-legal = Rechtliches
nav-trips = Reisen
nav-privacy = Datenschutz
nav-terms = Nutzungsbedingungen
nav-log-in = Anmelden
nav-sign-up = Registrieren
nav-log-out = Abmelden
theme-to-dark = Dunkles Design verwenden
theme-to-dark-short = Dunkles Design
theme-to-light = Helles Design verwenden
theme-to-light-short = Helles Design
loading = Wird geladen …
language-label = Sprache
language-switch = Diese Seite auf { $language } anzeigen

trip-length = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}

# An activity's times and kind, and a day's warnings (trip, day and pack pages).
time-range-next-day = { $start }–{ $end } (am nächsten Tag)
category-sight = Sehenswertes
category-food = Essen und Trinken
category-transport = Unterwegs
category-lodging = Unterkunft
category-other = Sonstiges
warning-overlap = „{ $first }“ und „{ $second }“ überschneiden sich zeitlich.
warning-over-budget-of = Dieser Tag kostet mehr als das durchschnittliche Tagesbudget von { $budget }.
warning-over-budget = Dieser Tag kostet mehr als das durchschnittliche Tagesbudget.
warning-out-of-order = „{ $first }“ steht vor „{ $second }“, beginnt aber später.

# Words the page scripts show (public/app.js, places.js, map.js), handed to them in data
# attributes. `{name}` and `{count}` are filled in by the script.
js-offline-note = Du bist offline. Dafür braucht es eine Verbindung: Deine Eingaben bleiben hier – sende sie erneut, sobald du wieder online bist.
js-copied = Kopiert.
js-selected = Markiert: Kopiere es mit dem Kopierbefehl deines Geräts.
js-places-not-answering = Die Ortssuche antwortet nicht. Versuch es in einer Minute noch einmal.
js-places-too-short = Gib mindestens 2 Buchstaben des Ortsnamens ein.
js-places-on-form = „{ $name }“ steht im Formular. Speichere, um es zu behalten.
js-places-found = { $count ->
    [one] 1 Ort gefunden: Wähle ihn, um ihn ins Formular zu übernehmen.
   *[other] { $count } Orte gefunden: Wähle einen, um ihn ins Formular zu übernehmen.
}
js-map-label = Interaktive Karte: die Orte der Liste unten
js-map-destination = Ziel: { $name }
