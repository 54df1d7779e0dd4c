# Zum Mitnehmen, unter dem Plan einer Reise; der Kalenderteil auch auf der Kontoseite.

takeaway-title = Zum Mitnehmen
takeaway-calendar = Kalender
takeaway-feed-ready = Deine Kalenderadresse ist bereit.
takeaway-feed-once = Abonniere sie jetzt: Zu deiner Sicherheit zeigen wir sie nur dieses eine Mal.
takeaway-feed-subscribe = In meiner Kalender-App abonnieren
takeaway-feed-address = Kalenderadresse (für Google Kalender, Outlook und andere Apps: „Kalender per URL hinzufügen“)
takeaway-feed-copy = Kopieren
takeaway-feed-anyone-trip = Wer diese Adresse hat, kann diese Reise sehen. Behalte sie für dich; du kannst sie jederzeit abschalten.
takeaway-feed-anyone-all = Wer diese Adresse hat, kann alle deine Reisen sehen – auch die, die du später planst. Behalte sie für dich; du kannst sie jederzeit abschalten.
takeaway-feed-since-trip = Deine Kalender-App folgt dieser Reise seit { $date } und übernimmt Änderungen innerhalb einer Stunde.
takeaway-feed-since-all = Deine Kalender-App folgt seit { $date } allen deinen Reisen – auch denen, die du später planst – und übernimmt Änderungen innerhalb einer Stunde.
takeaway-feed-lost = Wir zeigen die Adresse nur, wenn sie erstellt wird. Verloren? Erstelle eine neue – die alte funktioniert dann nicht mehr.
takeaway-feed-renew = Neue Adresse erstellen
takeaway-feed-turn-off = Abschalten
takeaway-feed-intro-trip = Sieh diese Reise im Kalender deines Handys: einmal abonnieren, und Änderungen am Plan erscheinen von selbst.
takeaway-feed-intro-all = Sieh alle deine Reisen – auch die, die du später planst – im Kalender deines Handys: einmal abonnieren, und Änderungen am Plan erscheinen von selbst.
takeaway-feed-make = Kalenderadresse erstellen
takeaway-feed-turned-off = Die Kalenderadresse ist abgeschaltet. Kalender, die sie abonniert haben, werden nicht mehr aktualisiert.
takeaway-files = Dateien
takeaway-file-pack = Reisemappe
takeaway-file-pack-hint = die ganze Reise als eine Seite, zum Aufbewahren auf dem Handy oder zum Drucken; öffnet sich auch ohne Verbindung
takeaway-file-ics = Kalenderdatei (.ics)
takeaway-file-ics-hint = eine einmalige Kopie des Plans für jede Kalender-App
takeaway-file-gpx = Orte (GPX)
takeaway-file-gpx-hint = für Karten- und Wander-Apps: die Orte und die Route jedes Tages
takeaway-file-kml = Orte (KML)
takeaway-file-kml-hint = für Google Earth und My Maps
takeaway-file-activities = Aktivitäten (CSV)
takeaway-file-activities-hint = für Tabellen: Tag, Zeiten, Ort, Art, Kosten
takeaway-file-budget = Budget (CSV)
takeaway-file-budget-hint = für Tabellen: Kosten nach Tag und Art
takeaway-file-json = Alles (JSON)
takeaway-file-json-hint = zum erneuten Import in Travel Planner
takeaway-bring-in = Importieren
takeaway-bring-in-text = Füge Termine aus einer Kalenderdatei oder Orte aus einer GPX- oder KML-Datei hinzu.
takeaway-bring-in-link = In diese Reise importieren …

# Die Adresse des Kalender-Abos, wie eine Kalender-App sie liest.
takeaway-feed-gone = Diese Kalenderadresse funktioniert nicht (mehr). Erstelle auf der Seite der Reise in Travel Planner eine neue und abonniere diese.
takeaway-feed-failed = Bei uns ist etwas schiefgelaufen. Deine Kalender-App versucht es später noch einmal.
takeaway-feed-all-name = Meine Reisen (Travel Planner)

# Die Importseiten, und was eine importierte Datei bewirkt hat.
takeaway-import-failed = Nichts wurde importiert: Die Datei enthält Fehler.
takeaway-import-fix = Behebe sie und sende die Datei noch einmal.
takeaway-import-more = { $count ->
    [one] … und { $count } weiterer Fehler.
   *[other] … und { $count } weitere Fehler.
}
takeaway-import-trips = Reisen importieren
takeaway-import-all-trips = ← Alle Reisen
takeaway-import-trips-text = Wähle eine aus Travel Planner exportierte JSON-Datei – die Datei „Alles (JSON)“ einer Reise oder „Meine Daten herunterladen“ aus deinem Konto. Jede Reise darin wird zu einer neuen Reise von dir; an deinen bisherigen Reisen ändert sich nichts.
takeaway-import-file = Datei
takeaway-import-up-to = Bis zu { $kb } KB.
takeaway-import-submit = Importieren
takeaway-import-cancel = Abbrechen
takeaway-import-into-title = In { $trip } importieren
takeaway-import-into = In „{ $trip }“ importieren
takeaway-import-into-text = Termine aus einer Kalenderdatei (.ics) werden zu Aktivitäten zu ihren Uhrzeiten in der Zeitzone dieser Reise; Termine an anderen Tagen werden ausgelassen. Orte aus einer GPX- oder KML-Datei kommen an den Tag, den du wählst.
takeaway-import-kinds = Eine Kalender- (.ics), GPX- oder KML-Datei, bis zu { $kb } KB.
takeaway-import-day = Tag für Orte
takeaway-import-day-option = Tag { $number } · { $date }
takeaway-import-day-hint = Orte aus GPX und KML kommen an diesen Tag. Kalendertermine behalten ihre eigenen Tage.
takeaway-import-unreadable = Die Datei konnte nicht empfangen werden. Versuch es noch einmal.
takeaway-import-choose = Wähle eine Datei zum Importieren.
takeaway-import-json-here = Eine JSON-Datei aus Travel Planner enthält ganze Reisen: Importiere sie über deine Reiseliste („Reisen importieren“).
takeaway-import-wrong-kind = Wähle eine Kalender- (.ics), GPX- oder KML-Datei.
takeaway-import-none-inside = { $count ->
    [one] Der einzige Termin in diesem Kalender liegt außerhalb der Reisedaten.
   *[other] Keiner der { $count } Termine in diesem Kalender liegt innerhalb der Reisedaten.
}
takeaway-imported-trips = { $count ->
    [one] Reise importiert.
   *[other] { $count } Reisen importiert.
}
takeaway-imported-activities = { $count ->
    [one] { $count } Aktivität importiert.
   *[other] { $count } Aktivitäten importiert.
}
takeaway-imported-left-out = { $count ->
    [one] { $count } Termin an einem anderen Tag wurde ausgelassen.
   *[other] { $count } Termine an anderen Tagen wurden ausgelassen.
}

# Die Reisemappe: die ganze Reise als eine Seite zum Aufbewahren.
takeaway-pack-title = { $trip } · Reisemappe
takeaway-pack-dates = Zeitraum
takeaway-pack-zone = Zeitzone
takeaway-pack-notes = Notizen
takeaway-pack-where = Wo alles liegt
takeaway-pack-sketch = Eine Skizze der Orte, nummeriert in der Reihenfolge des Plans
takeaway-pack-no-places = Noch kein Ort dieser Reise hat Koordinaten.
takeaway-pack-place-day = Tag { $day }
takeaway-pack-days = Tag für Tag
takeaway-pack-nothing = Nichts geplant.
takeaway-pack-any-time = Ohne Uhrzeit
takeaway-pack-saved = Aus Travel Planner gespeichert am { $date } um { $time } UTC. Alle Zeiten gelten in der Zeitzone der Reise.

# Der Verlauf einer Reise: wer wann was geändert hat.
history-title = Verlauf
history-loading = Verlauf wird geladen …
history-intro = { $count ->
    [one] Die letzte Änderung. Zeiten in der Zeitzone der Reise ({ $zone }).
   *[other] Die letzten { $count } Änderungen, neueste zuerst. Zeiten in der Zeitzone der Reise ({ $zone }).
}
history-when = { $date }, { $time }
history-none = Noch keine Änderungen.
history-someone = Jemand
history-trip-created = { $who } hat die Reise „{ $summary }“ erstellt
history-trip-edited = { $who } hat die Angaben der Reise geändert
history-trip-deleted = { $who } hat die Reise gelöscht
history-activity-added = { $who } hat „{ $summary }“ hinzugefügt
history-activity-edited = { $who } hat „{ $summary }“ geändert
history-activity-moved = { $who } hat „{ $summary }“ verschoben
history-activity-deleted = { $who } hat „{ $summary }“ gelöscht
history-member-joined = { $who } ist der Reise beigetreten
history-member-left = { $who } hat die Reise verlassen
history-member-removed = { $who } hat { $summary } aus der Reise entfernt
history-roles-changed = { $who }: { $summary }
history-share-link-created = { $who } hat einen Freigabelink erstellt
history-share-link-revoked = { $who } hat den Freigabelink gelöscht
# Was eine Rollenänderung sagt („Ben is now an editor“).
history-now-owner = { $name } ist jetzt Inhaber
history-now-editor = { $name } ist jetzt Bearbeiter
history-now-viewer = { $name } ist jetzt Betrachter
