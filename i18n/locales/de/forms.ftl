# Gemeinsam für die Reise- und Aktivitätsformulare.

form-cancel = Abbrechen
form-keep-it = Behalten
form-save = Speichern
form-search = Suchen
form-notes = Notizen (optional)
form-delete-confirm = „{ $name }“ löschen?

# Neue Reise, Reise bearbeiten, Reise löschen.

form-back-all-trips = ← Alle Reisen
form-back-to-trip = ← Zurück zur Reise
form-new-trip-title = Neue Reise
form-new-trip-heading = Neue Reise planen
form-new-trip-submit = Reise anlegen
form-edit-trip-title = { $name } bearbeiten
form-edit-trip-heading = Reise bearbeiten
form-edit-trip-shift = Wenn sich der erste Tag ändert, alle geplanten Aktivitäten um ebenso viele Tage verschieben
form-edit-trip-submit = Speichern
form-delete-trip-title = { $name } löschen
form-delete-trip-text = Damit werden die Reise und alles, was darin geplant ist, gelöscht. Das lässt sich nicht rückgängig machen.
form-delete-trip-submit = Reise löschen

# Die Felder des Reiseformulars.

form-trip-name = Name der Reise
form-trip-name-hint = Zum Beispiel „Frühling in Lissabon“.
form-trip-destination = Reiseziel
form-trip-place = Das Reiseziel auf der Karte (optional)
form-trip-start = Erster Tag
form-trip-end = Letzter Tag
form-trip-zone = Zeitzone
form-trip-zone-hint = Daten und Uhrzeiten dieser Reise gelten in dieser Zeitzone, egal von wo aus du sie ansiehst.
form-trip-currency = Währung
form-trip-budget = Budget (optional)
form-trip-budget-hint = Was du insgesamt ausgeben willst, z. B. 1500,50.

# Aktivität hinzufügen, bearbeiten, löschen.

form-new-activity-title = Aktivität hinzufügen
form-new-activity-submit = Hinzufügen
form-edit-activity-title = Aktivität bearbeiten
form-edit-activity-submit = Speichern
form-delete-activity-title = Aktivität löschen
form-delete-activity-text = Sie wird aus dem Tagesplan vom { $day } in „{ $trip }“ entfernt. Das lässt sich nicht rückgängig machen.
form-delete-activity-submit = Aktivität löschen

# Die Felder des Aktivitätsformulars.

form-activity-title = Titel
form-activity-title-hint = Zum Beispiel „Mit der Tram 28 nach Alfama“.
form-activity-day = Tag
form-activity-day-option = Tag { $number } · { $date }
form-activity-start = Beginn (optional)
form-activity-end = Ende (optional)
form-activity-end-hint = Früher als der Beginn: Dann endet sie am nächsten Tag.
form-activity-kind = Art
form-activity-location = Ort (optional)
form-activity-cost = Kosten (optional)
# Beträge mit Dezimalpunkt: ein Komma wird als Tausendertrennzeichen gelesen.
form-activity-cost-hint = In der Währung der Reise, z. B. 25,50.
form-activity-cost-hint-whole = In der Währung der Reise, in ganzen Einheiten, z. B. 2500.
form-activity-place = Auf der Karte (optional)

# Der Ort in den Reise- und Aktivitätsformularen.

form-place-find = Ort nach Namen suchen
form-place-find-hint = Eine Sehenswürdigkeit, ein Restaurant, ein Hotel oder eine Adresse, z. B. „Torre de Belém, Lissabon“.
form-place-chosen = Gewählter Ort:
form-place-remove = Diesen Ort von der Karte entfernen
form-place-by-hand = Kartenposition von Hand
form-latitude = Breitengrad
form-longitude = Längengrad
form-place-picked = „{ $place }“ steht jetzt im Formular unten. Speichere, um ihn zu übernehmen.
form-place-gone = Dieses Suchergebnis ist nicht mehr verfügbar. Suche bitte noch einmal nach dem Ort.

# Die Ortssuche.

form-place-search-title = Ort suchen
form-place-searching = Suche läuft …
form-place-search-back = ← Ohne Ort zurück zum Formular
form-place-search-for-trip = für das Reiseziel von „{ $trip }“
form-place-search-for-activity = für die Aktivität in „{ $trip }“
form-place-search-label = Name des Orts
form-place-search-hint = Eine Sehenswürdigkeit, ein Restaurant, ein Hotel oder eine Adresse. Nenne zur Sicherheit die Stadt mit, z. B. „Torre de Belém, Lissabon“.
form-place-search-start = Suche den Ort nach seinem Namen und wähle ihn aus den Ergebnissen.
form-place-search-too-short = Gib mindestens 2 Buchstaben des Namens ein.
form-place-search-off = Diese Seite hat keine Ortssuche. Du kannst einen Ort trotzdem im Formular über Breiten- und Längengrad auf die Karte setzen.
form-place-search-down = Die Ortssuche antwortet gerade nicht. Versuch es in einer Minute noch einmal.
form-place-search-none = Keine Orte für „{ $query }“ gefunden. Prüfe die Schreibweise oder ergänze die Stadt: „{ $query }, Lissabon“.
form-place-search-count = { $count ->
    [one] { $count } Ort gefunden
   *[other] { $count } Orte gefunden
}
form-place-use = Ort wählen
form-place-use-which = : { $place }

# Meldungen auf der nächsten Seite nach dem Speichern.

form-trip-created = Reise angelegt. Unten kannst du jedem Tag Aktivitäten hinzufügen.
form-trip-saved = Reise gespeichert.
form-trip-deleted = Reise gelöscht.
form-activity-added = Aktivität hinzugefügt.
form-activity-saved = Aktivität gespeichert.
form-activity-deleted = Aktivität gelöscht.

# Speichern abgelehnt, weil jemand anderes zuerst gespeichert hat; $time ist „14:02“.

form-conflict-by = { $who } hat das um { $time } geändert, nachdem du es geöffnet hattest.
form-conflict-someone = Jemand hat das geändert, nachdem du es geöffnet hattest.
form-field-name = Name
form-field-budget = Budget
form-field-notes = Notizen
form-field-starts = Beginn
form-field-ends = Ende
form-field-place = Ort
form-field-category = Art
form-field-cost = Kosten
form-field-ends-next-day = Endet am nächsten Tag
