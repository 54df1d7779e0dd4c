# Die Wörter der interaktiven Teile der Seiten (der Server setzt sie ein).

# Der Live-Hinweis am Passwortfeld (Registrierung, neues Passwort).
island-password-too-short = Zu kurz
island-password-enough = Lang genug – länger ist sicherer
island-password-strong = Sicher

# Der Dialog vor dem Löschen einer Aktivität (Reise- und Tagesseite).
island-delete-activity-heading = „{ $title }“ löschen?
island-delete-activity-text = Sie wird aus dem Plan entfernt. Das lässt sich nicht rückgängig machen.
island-delete-activity-cancel = Abbrechen
island-delete-activity-submit = Aktivität löschen

# Der Live-Hinweis auf der Reiseseite, wenn jemand anderes die Reise ändert.
island-live-someone = Jemand
island-live-activity-added = { $who } hat „{ $summary }“ hinzugefügt.
island-live-activity-edited = { $who } hat „{ $summary }“ geändert.
island-live-activity-moved = { $who } hat „{ $summary }“ verschoben.
island-live-activity-deleted = { $who } hat „{ $summary }“ gelöscht.
island-live-trip-edited = { $who } hat die Angaben der Reise geändert.
island-live-member-joined = { $who } ist der Reise beigetreten.
island-live-member-left = { $who } hat die Reise verlassen.
island-live-member-removed = { $who } hat { $summary } entfernt.
# Die Zusammenfassung sagt, wer jetzt welche Rolle hat („Ben ist jetzt Bearbeiter“).
island-live-roles-changed = { $who } hat die Rollen geändert: { $summary }.
island-live-share-link-created = { $who } hat einen Freigabelink erstellt.
island-live-share-link-revoked = { $who } hat den Freigabelink gelöscht.
island-live-other = { $who } hat die Reise geändert.
island-live-gone = Diese Reise wurde gelöscht, oder du bist kein Mitglied mehr. Lade die Seite neu, um den aktuellen Stand zu sehen.
