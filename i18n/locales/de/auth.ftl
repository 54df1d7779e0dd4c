# Wörter der Seiten für Registrierung, Anmeldung und Passwort.

auth-email = E-Mail
auth-password = Passwort
auth-your-name = Dein Name
auth-confirm-password = Passwort bestätigen
auth-new-password = Neues Passwort
auth-confirm-new-password = Neues Passwort bestätigen
auth-have-account = Du hast schon ein Konto?
auth-log-in = Anmelden
auth-checking-link = Dein Link wird geprüft …

# Die Registrierung und ihre Antwort „Schau in dein Postfach“.

auth-signup-title = Registrieren
auth-signup-heading = Konto erstellen
auth-signup-intro = Reisen planen, jeden Tag gestalten und das Budget im Blick behalten.
auth-signup-name-hint = Sichtbar für alle, mit denen du Reisen teilst.
auth-signup-password-hint = Mindestens 8 Zeichen. Ein paar Wörter, die nichts miteinander zu tun haben, ergeben ein starkes Passwort.
auth-signup-submit = Konto erstellen
auth-sent-title = Schau in dein Postfach
auth-sent-text = Wir haben einen Link an die angegebene Adresse geschickt. Öffne ihn, um dein Konto fertig einzurichten. Er gilt 24 Stunden.
# Danach folgen ein Link (auth-sent-again) und auth-sent-end.
auth-sent-spam = Nach ein paar Minuten noch nichts da? Schau in deinen Spam-Ordner oder
auth-sent-again = registriere dich noch einmal
auth-sent-end = .

# Die Seite, auf die die Registrierungs-E-Mail verlinkt.

auth-finish-title = Registrierung abschließen
auth-finish-text = Dieser Link bestätigt deine Adresse. Ein Klick, und dein Konto ist bereit.
auth-finish-submit = Mein Konto erstellen
auth-finish-invalid = Dieser Registrierungslink ist abgelaufen oder wurde schon benutzt. Registriere dich noch einmal, um einen neuen zu bekommen.
auth-finish-again = Neu registrieren

# Die Anmeldung.

auth-login-heading = Willkommen zurück
auth-login-forgot = Passwort vergessen?
auth-login-new = Neu hier?
auth-login-create = Konto erstellen

# Einen Link zum Zurücksetzen des Passworts anfordern.

auth-forgot-title = Passwort vergessen?
auth-forgot-sent = Falls zu dieser Adresse ein Konto gehört, ist ein Link zum Zurücksetzen unterwegs. Er gilt eine Stunde.
auth-forgot-intro = Gib deine E-Mail-Adresse ein, und wir schicken dir einen Link, mit dem du ein neues Passwort wählen kannst.
auth-forgot-submit = Link senden
auth-forgot-back = Zurück zur Anmeldung

# Die Seite, auf die die E-Mail zum Zurücksetzen verlinkt.

auth-reset-title = Neues Passwort wählen
auth-reset-password-hint = Mindestens 8 Zeichen.
auth-reset-submit = Passwort speichern
auth-reset-invalid = Dieser Link zum Zurücksetzen ist abgelaufen oder wurde schon benutzt. Fordere unten einen neuen an.
auth-reset-again = Neuen Link anfordern

# Die Seite, auf die die Bestätigungs-E-Mail verlinkt.

auth-verify-title = E-Mail-Adresse bestätigen
auth-verify-text = Ein Klick, und deine Adresse ist bestätigt.
auth-verify-submit = Adresse bestätigen

# Meldungen auf der nächsten Seite nach der Registrierung oder einer Bestätigung.

auth-flash-welcome = Willkommen! Dein Konto ist bereit – plane jetzt deine erste Reise.
auth-flash-email-changed = Deine E-Mail-Adresse wurde geändert.
auth-flash-email-confirmed = Deine E-Mail-Adresse ist bestätigt.
