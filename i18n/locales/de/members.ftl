# Role names (members page, invitation page).

members-role-owner = Inhaber
members-role-editor = Bearbeiter
members-role-viewer = Betrachter

# The members page.

members-title = Mitglieder
members-loading = Mitglieder werden geladen …
members-you-are-owner = Du bist Inhaber dieser Reise.
members-you-are-editor = Du bist Bearbeiter dieser Reise.
members-you-are-viewer = Du bist Betrachter dieser Reise.
members-see-history = Verlauf ansehen
# After the traveler’s own name in the list.
members-you = (du)
members-roles-summary = Was welche Rolle darf
members-roles-owner = Alles: die Reise und ihren Tagesplan ändern, Leute einladen, die Reise teilen und löschen.
members-roles-editor = Die Angaben der Reise und ihren Tagesplan ändern.
members-roles-viewer = Die Reise und ihren Tagesplan ansehen, aber nichts ändern.
# The label of the role menu, for screen readers.
members-role-of = Rolle von { $name }
members-change-role = Rolle ändern
members-make-owner = Zum Inhaber machen
# Read by screen readers after “Make owner” (members-make-owner).
members-make-owner-who = : { $name }
members-remove = Entfernen
# Read by screen readers after “Remove” (members-remove).
members-remove-who = : { $name }
members-leave-heading = Diese Reise verlassen
members-leave-text = Du siehst sie danach nicht mehr. Der Inhaber kann dich wieder einladen.
members-leave-submit = Reise verlassen

# The members page: inviting someone.

members-invite-heading = Jemanden einladen
members-invite-text = Die Person bekommt eine E-Mail mit einem Link, der 7 Tage gilt. Darüber kann sie auch ein Konto anlegen.
members-invite-email = E-Mail-Adresse
members-invite-role = Rolle
members-invite-as-editor = Bearbeiter – ändert die Reise und den Tagesplan
members-invite-as-viewer = Betrachter – kann nur ansehen
members-invite-submit = Einladung senden

# The members page: invitations waiting for an answer.

members-pending-heading = Warten auf Antwort
members-pending-none = Keine offenen Einladungen.
members-pending-until = Link gilt bis { $date }
members-resend = Erneut senden
# Read by screen readers after “Send again” (members-resend).
members-resend-to = { " " }an { $email }
members-withdraw = Zurückziehen
# Read by screen readers after “Withdraw” (members-withdraw).
members-withdraw-to = : Einladung an { $email }

# The members page: the share link.

members-share-heading = Link zum Ansehen teilen
members-share-none = Wer den Freigabelink hat, sieht die Reise und ihren Tagesplan – ohne Konto. Der Link ist nirgends öffentlich aufgeführt.
members-share-since = Seit dem { $date } gibt es einen Link zum Ansehen.
# After members-share-since: what the link shows.
members-share-shows-plan = Er zeigt den Tagesplan.
members-share-shows-budget = Er zeigt den Tagesplan, das Budget und die Kosten.
members-share-shows-notes = Er zeigt den Tagesplan und die Notizen.
members-share-shows-all = Er zeigt den Tagesplan, das Budget, die Kosten und die Notizen.
members-share-new = Dein neuer Link – kopiere ihn jetzt: Er wird nur einmal angezeigt
members-share-budget = Budget und Kosten zeigen
members-share-notes = Notizen zeigen
members-share-make = Link erstellen
members-share-replace = Link ersetzen
members-share-delete = Link löschen

# Messages shown on the next page after a change.

members-flash-invited = Einladung an { $email } gesendet.
members-flash-resent = Einladung erneut an { $email } gesendet.
members-flash-withdrawn = Einladung zurückgezogen – der Link funktioniert nicht mehr.
members-flash-role-changed = Rolle geändert.
members-flash-removed = Aus der Reise entfernt.
members-flash-handed-over = Die Reise ist übergeben; du bist jetzt Bearbeiter.
members-flash-left = Du hast die Reise verlassen.
members-flash-link-deleted = Der Freigabelink wurde gelöscht – er funktioniert nicht mehr.
members-flash-joined = Du bist der Reise beigetreten.
members-flash-declined = Einladung abgelehnt.
members-flash-welcome = Willkommen! Du bist der Reise beigetreten.

# The page an invitation email links to.

members-invitation-title = Einladung
members-invitation-invalid-heading = Diese Einladung ist nicht mehr gültig
members-invitation-invalid = Dieser Einladungslink gilt nicht mehr: Vielleicht wurde er schon benutzt oder zurückgezogen, oder er ist abgelaufen. Frag die Person, die dich eingeladen hat, nach einem neuen.
members-invitation-home = Zur Startseite
members-invitation-heading = „{ $trip }“ gemeinsam planen
members-invitation-as-owner = { $inviter } hat dich als Inhaber zu { $trip } ({ $destination }) eingeladen.
members-invitation-as-editor = { $inviter } hat dich als Bearbeiter zu { $trip } ({ $destination }) eingeladen.
members-invitation-as-viewer = { $inviter } hat dich als Betrachter zu { $trip } ({ $destination }) eingeladen.
members-invitation-join = Reise beitreten
members-invitation-decline = Ablehnen
# Followed by a link (members-invitation-log-in).
members-invitation-have-account = Du hast schon ein Konto?
members-invitation-log-in = Zum Annehmen anmelden
# Followed by the “Decline” button.
members-invitation-not-you = Nicht für dich?
members-signup-heading = Konto erstellen
members-signup-email = E-Mail
members-signup-email-hint = Die Adresse, an die die Einladung geschickt wurde.
members-signup-name = Dein Name
members-signup-password = Passwort
members-signup-password-hint = Mindestens 8 Zeichen.
members-signup-confirm = Passwort bestätigen
members-signup-submit = Konto erstellen und beitreten

# The trip behind a share link.

members-shared-loading = Reise wird geladen …
members-shared-banner = Eine mit dir geteilte Reise, nur zum Ansehen.
