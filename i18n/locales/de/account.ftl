# Die Kontoseite.

account-title = Dein Konto
account-unconfirmed-before = Deine E-Mail-Adresse,
# Folgt auf die Adresse, die direkt nach account-unconfirmed-before steht.
account-unconfirmed-after = , ist noch nicht bestätigt. Bestätige sie, damit dich Links zum Zurücksetzen des Passworts erreichen.
account-resend = Bestätigungslink schicken
account-profile-title = Profil
account-name = Dein Name
account-email = E-Mail
account-email-hint = Eine neue Adresse gilt erst, wenn du den Link öffnest, den wir an sie schicken.
account-zone = Heimatzeitzone
account-zone-none = Nicht gewählt (UTC)
account-zone-hint = Neue Reisen beginnen in dieser Zeitzone, und deine Reiseliste zählt die Tage von hier aus.
account-password = Dein Passwort
account-password-hint = Nur nötig, wenn du deine E-Mail-Adresse änderst.
account-profile-save = Profil speichern
account-appearance-title = Darstellung
account-theme = Design
account-theme-system = Wie dieses Gerät
account-theme-light = Hell
account-theme-dark = Dunkel
account-theme-save = Design speichern
account-language-title = Sprache
account-language-legend = Seite anzeigen und E-Mails senden auf
account-language-hint = Solange du nichts wählst, richten sich die Seiten nach den Sprachen deines Browsers.
account-language-save = Sprache speichern
account-password-title = Passwort ändern
account-current-password = Aktuelles Passwort
account-new-password = Neues Passwort
account-new-password-hint = Mindestens 8 Zeichen. Wenn du es änderst, wirst du auf deinen anderen Geräten abgemeldet.
account-confirm-password = Neues Passwort bestätigen
account-password-save = Passwort ändern

# Der Teil „Deine Daten“ der Kontoseite.

account-data-title = Deine Daten
account-data-text = Lade alles, was dein Konto enthält – dein Profil und jede Reise mit ihren Aktivitäten –, als eine JSON-Datei herunter.
account-data-download = Meine Daten herunterladen
# Danach folgt ein Link (account-data-import-link).
account-data-import = Du hast eine Reise aus einem anderen Travel Planner oder eine, die du früher exportiert hast?
account-data-import-link = Reisen aus einer JSON-Datei importieren …
# Danach folgt ein Link (account-data-delete-link).
account-data-delete = Wenn du dein Konto löschst, werden es und alle deine Reisen endgültig entfernt.
account-data-delete-link = Mein Konto löschen …

# Das Konto löschen.

account-delete-title = Konto löschen
account-delete-heading = Dein Konto löschen?
account-delete-text = Damit werden dein Konto, jede Reise und alles, was darin geplant ist, gelöscht, und du wirst auf all deinen Geräten abgemeldet. Das lässt sich nicht rückgängig machen.
# Danach folgen ein Link (account-delete-export-link) und account-delete-export-end.
account-delete-export = Vielleicht möchtest du vorher
account-delete-export-link = deine Daten herunterladen
account-delete-export-end = .
account-delete-password = Dein Passwort
account-delete-confirm = Mir ist klar, dass mein Konto und alle meine Reisen endgültig gelöscht werden.
account-delete-submit = Konto löschen
account-delete-keep = Konto behalten
account-delete-shared = Du teilst einige deiner Reisen:
account-delete-goes-to = „{ $trip }“ geht an { $owner }, die Person, die schon am längsten mitbearbeitet.
account-delete-no-heir = Bei „{ $trip }“ bearbeitet niemand mit, der die Reise übernehmen könnte: Sie wird gelöscht, und wer sie ansehen durfte, verliert sie.

# Nach dem Löschen des Kontos.

account-goodbye-title = Dein Konto ist gelöscht
account-goodbye-text = Dein Konto, deine Reisen und alles, was darin geplant war, sind gelöscht, und du bist auf allen Geräten abgemeldet. Danke, dass du mit uns gereist bist.
account-goodbye-home = Zur Startseite

# Meldungen auf der nächsten Seite, nachdem etwas auf der Kontoseite gespeichert wurde.

account-flash-email-sent = Dein Profil ist gespeichert. Wir haben einen Link an { $email } geschickt: Deine E-Mail-Adresse ändert sich, sobald du ihn öffnest.
account-flash-resent = Wir haben dir einen neuen Bestätigungslink geschickt. Er gilt 7 Tage.
account-flash-saved = Dein Profil ist gespeichert.
account-flash-password = Dein Passwort ist geändert. Auf allen anderen Geräten wurdest du abgemeldet.
