# The privacy notice (/privacy). Texts around a link are split: "…-before", the link, "…-after".

legal-privacy-title = Datenschutz
legal-privacy-intro = Dieser Hinweis erklärt, was diese Travel-Planner-Website über dich speichert, warum und wie lange – und wie du deine Daten mitnehmen oder löschen kannst.
legal-privacy-who-heading = Wer diese Website betreibt
legal-privacy-who-text = Travel Planner ist eine Software, die jeder auf einem eigenen Server installieren kann. Diese Website betreibt die Person oder Organisation, die sie hier installiert hat – im Folgenden „der Betreiber“ –, nicht die Entwickler der Software. Der Betreiber ist für deine Daten verantwortlich und dein Ansprechpartner bei Fragen dazu.
legal-privacy-where = Deine Daten liegen auf dem Server des Betreibers (und in dessen Sicherungskopien) und nirgendwo sonst. Sie werden weder verkauft noch an andere weitergegeben.

legal-privacy-stored-heading = Was gespeichert wird
# Each item: a bold label, then its text.
legal-privacy-account-label = Dein Konto:
legal-privacy-account-text = deine E-Mail-Adresse, dein Name, deine Heimatzeitzone, falls du eine wählst, wann du dich registriert hast und ob du deine E-Mail-Adresse bestätigt hast. Dein Passwort wird nie gespeichert, sondern nur ein Einweg-Hash davon (argon2id), aus dem sich das Passwort nicht zurückgewinnen lässt.
legal-privacy-trips-label = Deine Reisen und Aktivitäten:
legal-privacy-trips-text = alles, was du zum Planen eingibst – Namen, Orte, Daten, Uhrzeiten, Notizen, Kosten und Budgets.
# The cookie item reads: label, the cookie’s name, "called", its other name, text.
legal-privacy-cookie-label = Ein Sitzungscookie,
legal-privacy-cookie-called = (auf https-Websites
legal-privacy-cookie-text = genannt), das dich angemeldet hält. Es enthält eine zufällige Kennung und sonst nichts; der Server führt dazu einen passenden Sitzungseintrag mit der Kennung deines Kontos.
legal-privacy-links-label = Links, die wir dir per E-Mail schicken,
legal-privacy-links-text = um dein Passwort zurückzusetzen oder deine Adresse zu bestätigen: Von jedem Link wird nur ein Fingerabdruck gespeichert, und die Links laufen ab.
legal-privacy-logs-label = Server-Logs:
legal-privacy-logs-text = für jede Anfrage die Uhrzeit, die Art der Seite, eine zufällige Anfrage-ID, das Ergebnis und die Dauer; Anmeldungen und Kontoänderungen werden mit der internen Kennung deines Kontos protokolliert. Logs enthalten nie Passwörter. Hat der Betreiber Fehlerberichte aktiviert, gehen die Details eines Fehlers (die Art der Seite und eine Anfrage-ID – nie Passwörter, Cookies oder deine Eingaben) außerdem an seinen Fehler-Tracker.

legal-privacy-not-heading = Was nicht gespeichert wird
# When the site shows map images from an outside service.
legal-privacy-not-with-map = Es gibt keine Analyse, kein Tracking, keine Werbung und keine Skripte oder Schriften von Dritten: Jeder Teil jeder Seite kommt von diesem Server, bis auf die Hintergrundbilder der Karte (siehe „Karten, Orte und Wetter“ unten). Das einzige Cookie ist das Sitzungscookie, das für die Anmeldung nötig ist – deshalb gibt es auch keinen Cookie-Banner.
legal-privacy-not = Es gibt keine Analyse, kein Tracking, keine Werbung und keine Skripte, Schriften oder Bilder von Dritten: Jeder Teil jeder Seite kommt von diesem Server. Das einzige Cookie ist das Sitzungscookie, das für die Anmeldung nötig ist – deshalb gibt es auch keinen Cookie-Banner.

legal-privacy-emails-heading = E-Mails
legal-privacy-emails-text = Du bekommst nur E-Mails zu deinem Konto: zum Bestätigen deiner Adresse und zum Zurücksetzen deines Passworts. Keine Newsletter, keine Werbung.
legal-privacy-kept-heading = Wie lange gespeichert wird
legal-privacy-kept-text = Dein Konto, deine Reisen und Aktivitäten bleiben gespeichert, bis du sie löschst. Eine Sitzung endet, wenn du dich abmeldest, nach 30 Tagen ohne Besuch oder 90 Tage nach der Anmeldung (der Betreiber kann andere Fristen wählen). Links zum Zurücksetzen des Passworts gelten eine Stunde. Wie lange Logs und Sicherungskopien aufbewahrt werden, entscheidet der Betreiber; gelöschte Daten verschwinden aus den Sicherungskopien, sobald diese ersetzt werden.

legal-privacy-rights-heading = Deine Rechte
legal-privacy-see-label = Einsehen und berichtigen:
legal-privacy-see-text = Dein Profil und deine Reisen siehst du in der App und kannst sie dort ändern.
legal-privacy-download-label = Daten herunterladen:
legal-privacy-download-before = Auf deiner
# The button’s name must match the one on the account page.
legal-privacy-download-after = gibt es die Schaltfläche „Meine Daten herunterladen“, die dir alles in einer Datei liefert.
legal-privacy-delete-label = Konto löschen:
legal-privacy-delete-before = ebenfalls auf deiner
legal-privacy-delete-after = . Damit werden dein Konto und alle deine Reisen auf einmal gelöscht, und du wirst überall abgemeldet.
legal-privacy-ask = Für alles andere wende dich an den Betreiber.
# The link to /account, in the privacy notice and the terms.
legal-account-page = Kontoseite

# The privacy notice: the outside services this site uses. Each item reads: label, the
# service’s name and address, text.
legal-services-heading = Karten, Orte und Wetter
legal-services-none = Diese Website nutzt keine externen Dienste für Karten, Orte oder Wetter.
legal-services-intro = Um Karten zu zeigen, echte Orte zu finden und das Wetter anzugeben, nutzt diese Website die folgenden externen Dienste. Die Anfragen stellt dieser Server; dein Konto, dein Name und deine E-Mail-Adresse werden nie übermittelt.
legal-services-places-label = Ortssuche:
legal-services-places-text = erhält die Wörter, die du in die Ortssuche eingibst, und – damit Orte in der Nähe zuerst erscheinen – die Gegend deiner Reise auf etwa 10 km genau, aber nie, wer du bist. Die Ergebnisse werden bis zu 30 Tage auf diesem Server aufbewahrt und von allen Nutzern geteilt, ohne festzuhalten, wer wonach gesucht hat.
legal-services-map-label = Karte:
legal-services-map-text = liefert die Hintergrundbilder der Karte. Dein Browser lädt sie direkt von dort, wenn eine Seite eine Karte zeigt; dieser Dienst sieht also deine IP-Adresse und den Kartenausschnitt, den du ansiehst – wie bei jeder Kartenwebsite. Ohne JavaScript werden keine Kartenbilder geladen.
legal-services-weather-label = Wetter:
legal-services-weather-text = erhält die Lage der Orte deiner Reisen auf etwa 10 km genau und die Daten, sonst nichts. Wetterdaten werden auf diesem Server aufbewahrt und von allen Nutzern geteilt.
legal-services-routing-label = Fahrzeiten:
legal-services-routing-text = erhält die Lage von zwei Orten, die du an einem Tag nacheinander besuchst, um zu ermitteln, wie lange der Weg dazwischen dauert – aber nie, wer du bist oder was du dort machst.

# The terms of use (/terms).

legal-terms-title = Nutzungsbedingungen
legal-terms-heading = Nutzungsbedingungen
legal-terms-intro-before = Kurz und verständlich: Mit dem Anlegen eines Kontos stimmst du diesen Bedingungen zu. Der
legal-terms-privacy-link = Datenschutzhinweis
legal-terms-intro-after = erklärt, was über dich gespeichert wird.
legal-terms-who-heading = Mit wem du es zu tun hast
legal-terms-who-text = Diese Website betreibt die Person oder Organisation, die Travel Planner auf diesem Server installiert hat („der Betreiber“). Der Betreiber stellt sie kostenlos zur Verfügung, sofern er dir nichts anderes mitteilt.
legal-terms-yours-heading = Dein Teil
legal-terms-yours-use = Nutze die Website, um deine eigenen Reisen zu planen, und behalte dein Passwort für dich.
legal-terms-yours-abuse = Missbrauche sie nicht: keine Angriffe, keine Versuche, in fremde Konten zu gelangen, keine Flut von Anfragen oder automatischen Registrierungen und nichts Illegales.
legal-terms-yours-content = Was du eingibst, gehört weiterhin dir. Der Betreiber speichert es nur und zeigt es dir an.
legal-terms-host-heading = Der Teil des Betreibers
legal-terms-host-suspend = Der Betreiber darf ein Konto, das die Website missbraucht, sperren oder löschen und den Dienst ändern oder einstellen; er bemüht sich, das vorher anzukündigen.
legal-terms-host-private = Der Betreiber behandelt deine Daten vertraulich, wie im Datenschutzhinweis beschrieben.
legal-terms-warranty-heading = Keine Gewähr
legal-terms-warranty-text = Die Website wird so bereitgestellt, wie sie ist, ohne Gewähr: Die Nutzung erfolgt auf eigenes Risiko. Prüfe wichtige Angaben (Zeiten, Buchungen, Preise) an der Quelle und bewahre eine eigene Kopie von allem auf, was dir wichtig ist – die Schaltfläche „Meine Daten herunterladen“ auf deiner Kontoseite liefert dir alles.
legal-terms-leaving-heading = Kündigen
legal-terms-leaving-before = Du kannst dein Konto jederzeit auf deiner
legal-terms-leaving-after = löschen; alles darin wird mit ihm gelöscht.
legal-terms-software-heading = Die Software
legal-terms-software-before = Travel Planner ist freie Software unter der
legal-terms-license = GNU Affero General Public License, Version 3 oder neuer
legal-terms-software-after = . Du darfst sie untersuchen, ändern und weitergeben; hat der Betreiber sie verändert, muss er dir den Quellcode der Version anbieten, die du nutzt.

# The landing page (/) for visitors.

landing-heading = Plane jeden Tag deiner Reise an einem Ort
landing-lead = Leg eine Reise an, plane die Aktivitäten jedes Tages mit Uhrzeiten und Orten und sieh zu, wie sich das Budget dabei summiert – auf dem Handy oder am Laptop.
landing-start = Kostenlos loslegen
landing-have-account = Ich habe schon ein Konto
landing-features = Was du tun kannst
landing-glance-title = Alle Reisen im Blick
landing-glance-text = Jede Reise mit Daten, Reiseziel und Budget, die nächsten zuerst.
landing-itinerary-title = Tag für Tag geplant
landing-itinerary-text = Sehenswürdigkeiten, Essen, Fahrten und Unterkünfte, der Reihe nach, in der Zeitzone der Reise.
landing-budget-title = Ein Budget, das aufgeht
landing-budget-text = Sieh, was jeder Tag und jede Art von Ausgabe kostet und was übrig bleibt.
landing-promise-title = Selbst betreiben
landing-promise-text = Travel Planner ist ein kleines Programm, das du selbst betreiben kannst. Seiten laden auch bei langsamer Verbindung schnell, jedes Formular funktioniert sogar mit ausgeschaltetem JavaScript, und es gibt kein Tracking.

# The app’s frame: the first link on every page (also on the server’s plain error pages).
landing-skip-link = Zum Inhalt springen
