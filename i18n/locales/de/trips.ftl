# Die Reiseliste.

trips-title = Deine Reisen
trips-new = Neue Reise
trips-loading = Deine Reisen werden geladen …
trips-tabs = Welche Reisen
status-upcoming = Anstehend
status-past = Vergangen
status-all = Alle
trips-all = Alle Reisen
filters-label = Reisen finden
filter-search = Suche
filter-search-placeholder = Name, Ort oder Aktivität
filter-from = Von
filter-to = Bis
filter-whose = Wessen
whose-all = Alle Reisen
whose-mine = Meine
whose-shared = Mit mir geteilt
filter-sort = Sortieren nach
sort-start = Beginn
sort-name = Name
sort-updated = Zuletzt geändert
filters-apply = Anwenden
filters-clear = Zurücksetzen
trip-count = { $count ->
    [one] { $count } Reise
   *[other] { $count } Reisen
}
trips-page-of = Seite { $page } von { $pages }
trips-recent-past = Kürzlich vergangene Reisen
trips-see-past = Alle vergangenen Reisen ansehen
trips-empty-title = Noch keine Reisen
trips-empty-text = Beginne mit dem Ziel und den Daten. Den Tagesplan und das Budget kannst du nach und nach ergänzen.
trips-empty-first = Deine erste Reise planen
trips-empty-page = Auf Seite { $page } gibt es nichts.
trips-first-page = Zur ersten Seite
trips-no-match = Keine Reise passt zu diesen Filtern.
trips-clear-filters = Filter zurücksetzen
trips-none-upcoming = Keine anstehenden Reisen. Wohin als Nächstes?
trips-none-past = Noch keine vergangenen Reisen.
trips-none = Noch keine Reisen.
trips-plan = Eine Reise planen
card-owner = Reise von { $owner }
card-you-editor = Du bearbeitest mit
card-you-viewer = Du kannst sie ansehen
timing-tomorrow = morgen
timing-in-days = { $days ->
    [one] in { $days } Tag
   *[other] in { $days } Tagen
}
timing-now = jetzt
timing-ended = vorbei
invitations-title = Einladungen
invitation-from = { $inviter } hat dich zu „{ $trip }“ eingeladen
invitation-as-editor = zum Bearbeiten
invitation-as-viewer = zum Ansehen
invitation-join = Beitreten
invitation-decline = Ablehnen
pages-label = Seiten
page-previous = ← Zurück
page-next = Weiter →
page-of = Seite { $page } von { $pages }
