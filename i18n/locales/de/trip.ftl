# Die Reiseseite, die Tagesseite, der Tagesplan (plan-…).

# Reiseseite
plan-trip-loading = Reise wird geladen …
plan-notes = Notizen
plan-edit = Bearbeiten
plan-delete = Löschen
plan-all-trips = ← Alle Reisen
plan-show-on-map = Auf der Karte zeigen
plan-take-along = Mitnehmen
plan-dates = Reisedaten
plan-time-zone = Zeitzone
plan-day-by-day = Tag für Tag

# Reiseseite: wer dabei ist
plan-role-owner = Inhaber
plan-role-editor = Bearbeiter
plan-role-viewer = Betrachter
plan-invite-and-share = Einladen und teilen
plan-members = Mitglieder
plan-you-own = Die Reise gehört dir.
plan-you-edit = Du kannst diese Reise bearbeiten.
plan-you-view = Du kannst diese Reise ansehen.
plan-members-label = Wer diese Reise plant
plan-history = Verlauf

# Reiseseite: Löschen bestätigen
plan-delete-heading = „{ $name }“ löschen?
plan-delete-text = Damit werden die Reise und alles, was darin geplant ist, entfernt. Das lässt sich nicht rückgängig machen.
plan-cancel = Abbrechen
plan-delete-trip = Reise löschen

# Tagesseite
plan-day-loading = Tag wird geladen …
plan-other-days = Andere Tage

# Der Plan: Tage und ihre Überschriften („Tag 2 · Mi., 4. März 2027“). $weekday: 1 (Montag)
# bis 7 (Sonntag); $date: das Datum, wie die Sprache es schreibt („4. März 2027“).
plan-weekday-date = { $weekday ->
    [1] Mo.
    [2] Di.
    [3] Mi.
    [4] Do.
    [5] Fr.
    [6] Sa.
   *[7] So.
}, { $date }
plan-day-heading = Tag { $number } · { $date }
plan-day-link = Tag { $number }
plan-days-label = Tage der Reise
plan-day-empty = Noch nichts geplant.
plan-add-activity = Aktivität hinzufügen
plan-find-place = Ort suchen

# Der Plan: eine Aktivität
plan-any-time = Jederzeit
plan-move-up = Nach oben: { $title }
plan-move-down = Nach unten: { $title }
# Nach „Bearbeiten“ und „Löschen“, für Screenreader.
plan-quoted = „{ $title }“

# Der Plan: das Budget
plan-budget = Budget
plan-budget-not-set = Nicht festgelegt
plan-budget-planned = Verplant
plan-budget-over = Überschritten um
plan-budget-remaining = Übrig
plan-budget-meter = Verplanter Anteil des Budgets
plan-budget-daily = Etwa { $amount } pro Tag.
plan-budget-by-kind = Verplant nach Art

# Der Plan: das Wetter eines Tages („Vorhersage: Leichter Regen · 13–17 °C · 3,4 mm, Regenrisiko 80 %“)
plan-weather-forecast = Vorhersage:
plan-weather-observed = Am Tag selbst:
plan-weather-typical = Üblich um diese Zeit:
plan-weather-temperatures = { $min }–{ $max } °C
plan-weather-up-to = bis { $max } °C
plan-weather-from = ab { $min } °C
plan-weather-usually-dry = meist trocken
plan-weather-wet-most-days = an den meisten Tagen Regen
plan-weather-rain-days = { $days ->
    [one] Regen an etwa { $days } von 10 Tagen
   *[other] Regen an etwa { $days } von 10 Tagen
}
plan-weather-mm-a-day = { $mm } mm pro Tag
plan-weather-dry = trocken
plan-weather-mm = { $mm } mm
plan-weather-mm-chance = { $mm } mm, Regenrisiko { $chance } %
plan-weather-at = bei { $place }
plan-sky-clear = Klar
plan-sky-mostly-clear = Überwiegend klar
plan-sky-partly-cloudy = Teils bewölkt
plan-sky-overcast = Bedeckt
plan-sky-fog = Nebel
plan-sky-drizzle = Nieselregen
plan-sky-freezing-drizzle = Gefrierender Nieselregen
plan-sky-light-rain = Leichter Regen
plan-sky-rain = Regen
plan-sky-heavy-rain = Starker Regen
plan-sky-freezing-rain = Gefrierender Regen
plan-sky-light-snow = Leichter Schneefall
plan-sky-snow = Schneefall
plan-sky-heavy-snow = Starker Schneefall
plan-sky-snow-grains = Schneegriesel
plan-sky-light-showers = Leichte Schauer
plan-sky-showers = Schauer
plan-sky-heavy-showers = Starke Schauer
plan-sky-snow-showers = Schneeschauer
plan-sky-thunderstorm = Gewitter
plan-sky-thunderstorm-hail = Gewitter mit Hagel

# Der Plan: der Weg vom vorigen Ort („1,2 km von „Belém Tower“ · etwa 25 Min. mit dem Auto“)
plan-leg-minutes = etwa { $minutes } Min.
plan-leg-hours = etwa { $hours } Std.
plan-leg-hours-minutes = etwa { $hours } Std. { $minutes } Min.
plan-leg-on-foot = { $duration } zu Fuß
plan-leg-by-car = { $duration } mit dem Auto
plan-leg-routed = { $distance } von „{ $from }“ · { $way }
plan-leg-straight = { $distance } Luftlinie von „{ $from }“
plan-leg-tight = Nur { $gap } Min. nach „{ $from }“, aber der Weg hierher dauert { $way }.
plan-leg-warning = Achtung:

# Die Karte neben dem Plan
plan-map = Karte
plan-map-destination-only = das Reiseziel
plan-map-places = { $count ->
    [one] { $count } Ort
   *[other] { $count } Orte
}
plan-map-sketch-trip = Kartenskizze der Reise: { $places }, nummeriert in der Reihenfolge des Plans, jeder Tag in eigener Farbe und der Reihe nach verbunden
plan-map-sketch-day = Kartenskizze des Tages: { $places }, nummeriert in der Reihenfolge des Plans, jeder Tag in eigener Farbe und der Reihe nach verbunden
plan-map-tiles = Kartenkacheln:
plan-map-number-title = Nummer { $number } auf der Karte
plan-map-number = Kartennummer
plan-map-destination-title = Das Reiseziel
plan-map-destination = Reiseziel:
plan-map-osm-hidden = : { $title } (öffnet in neuem Tab)
plan-map-app = Karten-App
plan-map-app-hidden = : { $title }
