# Die Kontoseite.

account-language-title = Sprache
account-language-legend = Seite anzeigen und E-Mails senden auf
account-language-hint = Solange du nichts wählst, richten sich die Seiten nach den Sprachen deines Browsers.
account-language-save = Sprache speichern
