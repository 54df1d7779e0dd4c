# Was die Regeln des Kerns zu einem Formular sagen (die englischen Texte sind die Schlüssel,
# siehe die englische Datei). Variablen wie { $code } bleiben stehen.

# Formular-Bausteine: der Konfliktkasten (jemand hat zuerst gespeichert) und leere Werte.
form-alert-empty = (leer)
form-alert-field = Feld
form-alert-theirs = Deren Version
form-alert-yours = Deine
# Danach ein Link (form-alert-keep-theirs), dann form-alert-nothing-saved-end.
form-alert-nothing-saved = Es wurde nichts gespeichert. Speichere unten deine Version, um ihre zu ersetzen, oder{" "}
form-alert-keep-theirs = behalte ihre
form-alert-nothing-saved-end = .

# Text allgemein.
rule-one-line = Bitte nur eine Zeile, ohne unsichtbare Steuerzeichen.
rule-multi-line = Entferne die unsichtbaren Steuerzeichen (Zeilenumbrüche und Tabs sind in Ordnung).

# Konten: Registrierung, Anmeldung, Passwort, E-Mail.
rule-email-like = Gib eine E-Mail-Adresse wie name@example.com ein.
rule-email-missing = Gib deine E-Mail-Adresse ein.
rule-email-too-long = Diese E-Mail-Adresse ist zu lang.
rule-name-missing = Gib den Namen ein, den andere Reisende sehen.
rule-name-too-long = Dein Name darf höchstens 80 Zeichen haben.
rule-password-too-short = Verwende mindestens 8 Zeichen.
rule-password-too-long = Verwende höchstens 128 Zeichen.
rule-passwords-differ = Die beiden Passwörter stimmen nicht überein.
rule-password-guessable = Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Versuch es mit ein paar Wörtern, die nichts miteinander zu tun haben.
rule-login-failed = E-Mail oder Passwort ist falsch.
rule-current-password-wrong = Das ist nicht dein aktuelles Passwort.
rule-password-for-email = Gib dein Passwort ein, um deine E-Mail-Adresse zu ändern.
rule-password-wrong = Das ist nicht dein Passwort.
rule-already-registered = Diese Adresse hat schon ein Konto. Melde dich an, oder setze dein Passwort zurück, falls du es vergessen hast.
rule-signup-link-invalid = Dieser Registrierungslink ist abgelaufen oder wurde schon benutzt. Registriere dich noch einmal, um einen neuen zu bekommen.
rule-reset-link-invalid = Dieser Link zum Zurücksetzen ist abgelaufen oder wurde schon benutzt. Fordere unten einen neuen an.
rule-confirm-link-invalid = Dieser Bestätigungslink ist abgelaufen oder wurde schon benutzt. Schick dir auf deiner Kontoseite einen neuen.
rule-address-taken = Diese Adresse gehört jetzt zu einem anderen Konto, deshalb bleibt deine E-Mail-Adresse, wie sie war.
rule-delete-confirm = Setze hier ein Häkchen, um zu bestätigen, dass alles gelöscht wird.

# Reisen.
rule-trips-full = Du hast 5.000 Reisen, mehr kann ein Konto nicht haben. Lösche Reisen, die du nicht mehr brauchst, um Platz für neue zu schaffen.
rule-trip-name-missing = Gib der Reise einen Namen.
rule-trip-name-too-long = Der Name darf höchstens 120 Zeichen haben.
rule-destination-missing = Wohin geht die Reise?
rule-destination-too-long = Das Reiseziel darf höchstens 120 Zeichen haben.
rule-first-day-missing = Wähle den ersten Tag der Reise.
rule-last-day-missing = Wähle den letzten Tag der Reise.
rule-date-years = Wähle ein Datum zwischen den Jahren 1900 und 2200.
rule-date-like = Gib ein Datum wie 2026-03-03 ein.
rule-last-before-first = Der letzte Tag kann nicht vor dem ersten liegen.
rule-trip-too-long = Eine Reise kann höchstens 366 Tage dauern.
rule-zone-choice = Wähle eine Zeitzone aus der Liste.
rule-currency-choice = Wähle eine Währung aus der Liste.
rule-budget-too-large = Das Budget kann höchstens 1.000.000.000 betragen.
rule-budget-negative = Das Budget kann nicht negativ sein.
rule-budget-like = Gib einen Betrag wie 1500 oder 1500,50 ein.
rule-notes-too-long = Die Notizen dürfen höchstens 5.000 Zeichen haben.
# $activities: bis zu fünf Aktivitäten mit Datum.
rule-activities-outside-more = Diese Aktivitäten lägen außerhalb der neuen Daten: { $activities } und weitere. Verschiebe sie zuerst auf andere Tage, oder wähle Daten, die sie einschließen.
rule-activities-outside = Diese Aktivitäten lägen außerhalb der neuen Daten: { $activities }. Verschiebe sie zuerst auf andere Tage, oder wähle Daten, die sie einschließen.

# Beträge in einer Währung mit weniger Nachkommastellen ($code: der Währungscode, z. B. JPY).
rule-amount-no-decimals = Beträge in { $code } haben keine Nachkommastellen.
rule-amount-one-decimal = Beträge in { $code } haben höchstens 1 Nachkommastelle.
rule-amount-decimals = Beträge in { $code } haben höchstens { $places } Nachkommastellen.

# Aktivitäten.
rule-activities-full = Diese Reise hat 1.000 Aktivitäten, mehr kann eine Reise nicht haben. Lösche einige, um Platz für neue zu schaffen.
rule-day-full = Dieser Tag hat schon 100 Aktivitäten, mehr kann ein Tag nicht haben. Wähle einen anderen Tag.
rule-title-missing = Gib der Aktivität einen Titel.
rule-title-too-long = Der Titel darf höchstens 120 Zeichen haben.
rule-place-too-long = Der Ort darf höchstens 200 Zeichen haben.
rule-description-too-long = Die Beschreibung darf höchstens 5.000 Zeichen haben.
rule-day-missing = Wähle den Tag der Aktivität.
rule-day-outside = Wähle einen Tag innerhalb der Reise.
rule-time-like = Gib eine Uhrzeit wie 09:30 ein.
rule-start-time-missing = Gib eine Startzeit an, oder lass beide Zeiten leer.
rule-kind-choice = Wähle eine Art von Aktivität aus der Liste.
rule-cost-too-large = Die Kosten können höchstens 100.000.000 betragen.
rule-cost-negative = Die Kosten können nicht negativ sein.
rule-cost-like = Gib einen Betrag wie 25 oder 25,50 ein.

# Orte auf der Karte.
rule-latitude = Der Breitengrad ist eine Zahl von -90 bis 90.
rule-longitude = Der Längengrad ist eine Zahl von -180 bis 180.
rule-coordinates-both = Gib Breiten- und Längengrad an, oder keins von beiden.
rule-place-unreadable = Dieser Ort konnte nicht gelesen werden. Such ihn noch einmal, oder entferne ihn.
rule-place-position-missing = Ein Ort braucht seine Position auf der Karte. Such ihn noch einmal, oder entferne ihn.

# Mitglieder und Einladungen.
rule-invitation-invalid = Dieser Einladungslink gilt nicht mehr: Er wurde vielleicht schon benutzt, zurückgezogen oder ist abgelaufen. Bitte die Person, die dich eingeladen hat, dir einen neuen zu schicken.
rule-role-choice = Wähle Bearbeiter oder Betrachter.
rule-invitations-full = Diese Reise hat schon die höchstmögliche Zahl offener Einladungen. Ziehe zuerst einige zurück.
rule-members-full = Diese Reise hat schon die höchstmögliche Zahl an Personen.
rule-new-owner-full = Diese Person besitzt schon so viele Reisen, wie erlaubt sind. Sie muss zuerst eine löschen.

# Eine Datei importieren (die Importseite listet diese auf).
rule-import-too-large = Diese Datei ist zu groß: Importiert werden können Dateien bis 768 KB.
rule-import-empty = Diese Datei ist leer.
rule-import-not-utf8 = Diese Datei ist kein UTF-8-Text. Speichere sie als UTF-8 und versuch es noch einmal.
rule-import-not-export = Diese JSON-Datei ist kein Travel-Planner-Export (ihr „format“ ist nicht „travel-planner-export“).
rule-import-newer = Dieser Export stammt aus einem neueren Travel Planner: Aktualisiere diesen, um ihn zu importieren.
rule-import-no-trips = Dieser Export enthält keine Reisen.
rule-import-not-calendar = Das ist keine Kalenderdatei (.ics): Sie beginnt nicht mit BEGIN:VCALENDAR.
rule-import-no-events = Dieser Kalender enthält keine Termine.
rule-import-not-gpx-kml = Das ist keine GPX- oder KML-Datei.
rule-import-no-waypoints = Diese GPX-Datei enthält keine Wegpunkte.
rule-import-no-placemarks = Diese KML-Datei enthält keine Ortsmarken mit einem Punkt.
