# Messages of failed actions and pages that could not load (shown in a page’s alert).

error-invalid = Bitte korrigiere die markierten Felder.
error-unauthorized = Bitte melde dich an, um fortzufahren.
error-not-found = Das konnten wir nicht finden.
error-forbidden = Deine Rolle in dieser Reise erlaubt das nicht. Wende dich bei Bedarf an den Inhaber der Reise.
error-rate-limited = { $seconds ->
    [one] Zu viele Versuche. Bitte warte { $seconds } Sekunde und versuch es dann noch einmal.
   *[other] Zu viele Versuche. Bitte warte { $seconds } Sekunden und versuch es dann noch einmal.
}
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.
error-bad-request = Diese Anfrage konnten wir nicht verstehen.
error-stale = Jemand hat das geändert, während du es bearbeitet hast, deshalb wurde deine Änderung nicht gespeichert. So sieht es jetzt aus.

# The error pages: an unknown address (404), and the server’s own pages for a request that
# took too long (408), sent too much (413), came too often (429), met an outage (503) or
# failed (500). Each has a title (the browser tab), a heading and a text.

error-home = Zur Startseite
error-not-found-title = Seite nicht gefunden
error-not-found-heading = Diese Seite konnten wir nicht finden
error-not-found-text = Vielleicht ist der Link veraltet oder die Adresse enthält einen Tippfehler. Deine Reisen sind sicher – nur diese Seite gibt es nicht.
error-timeout-title = Das hat zu lange gedauert
error-timeout-heading = Das hat zu lange gedauert
error-timeout-text = Wir haben nicht länger auf diese Anfrage gewartet. Bitte prüf deine Verbindung und versuch es noch einmal.
error-too-large-title = Zu viele Daten
error-too-large-heading = Das war mehr, als wir annehmen können
error-too-large-text = Was du gesendet hast, ist größer, als diese Website annimmt. Bitte kürze es und versuch es noch einmal.
error-rate-title = Etwas langsamer, bitte
error-rate-heading = Etwas langsamer, bitte
error-rate-text = Du hast in der letzten Minute sehr viele Anfragen gestellt. Bitte warte einen Moment und versuch es dann noch einmal – nichts, was du gespeichert hast, geht verloren.
error-unavailable-title = Gleich wieder da
error-unavailable-heading = Wir sind gleich wieder da
error-unavailable-text = Der Dienst ist kurz nicht erreichbar. Bitte versuch es in einer Minute noch einmal – nichts, was du gespeichert hast, geht verloren.
error-server-title = Etwas ist schiefgelaufen
error-server-heading = Bei uns ist etwas schiefgelaufen
error-server-text = Wir haben das Problem protokolliert. Bitte versuch es gleich noch einmal – nichts, was du gespeichert hast, geht verloren.
