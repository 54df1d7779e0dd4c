# Die E-Mails der App. Ein Text endet mit einem Zeilenumbruch: seine letzte Zeile ist `{""}`.
# Die Links setzt der Code ein; jeder steht in einer eigenen Zeile.

# Registrierung: der Link, der das Konto anlegt (in der Sprache der Registrierungsseite).
mail-signup-link-subject = Schließe die Registrierung bei Travel Planner ab
mail-signup-link-body =
    Hallo,

    öffne diesen Link, um dein Travel-Planner-Konto fertig anzulegen:

    { $link }

    Der Link gilt 24 Stunden. Wenn du kein Konto angefordert hast, ignoriere diese E-Mail: Ohne den Link wird nichts angelegt.
    {""}

# Registrierung mit einer Adresse, die schon ein Konto hat.
mail-signup-registered-subject = Du hast schon ein Travel-Planner-Konto
mail-signup-registered-body =
    Hallo,

    jemand (hoffentlich du) wollte mit dieser Adresse ein Travel-Planner-Konto anlegen, aber sie hat schon eins. Hier kannst du dich anmelden:

    { $login }

    Passwort vergessen? Hier kannst du ein neues wählen:

    { $forgot }

    Wenn du das nicht warst, ignoriere diese E-Mail: Es hat sich nichts geändert.
    {""}

# Passwort vergessen: der Link zum Zurücksetzen (eine Stunde gültig).
mail-reset-subject = Setze dein Travel-Planner-Passwort zurück
mail-reset-body =
    Hallo { $name },

    jemand (hoffentlich du) möchte das Passwort deines Travel-Planner-Kontos zurücksetzen.
    Wähle hier innerhalb der nächsten Stunde ein neues Passwort:

    { $link }

    Wenn du das nicht warst, ignoriere diese E-Mail: Dein Passwort bleibt, wie es ist.
    {""}

# Bestätigung der aktuellen Adresse eines älteren Kontos.
mail-confirm-subject = Bestätige deine E-Mail-Adresse für Travel Planner
mail-confirm-body =
    Hallo { $name },

    bitte bestätige, dass dies deine E-Mail-Adresse ist:

    { $link }

    Der Link gilt sieben Tage. Wenn du kein Travel-Planner-Konto angelegt hast, ignoriere diese E-Mail.
    {""}

# E-Mail-Adresse ändern: der Hinweis an die bisherige Adresse.
mail-change-notice-subject = Deine E-Mail-Adresse bei Travel Planner wird geändert
mail-change-notice-body =
    Hallo { $name },

    jemand, der in deinem Travel-Planner-Konto angemeldet ist, möchte dessen E-Mail-Adresse in { $address } ändern. Sie ändert sich, sobald diese Adresse es bestätigt.

    Wenn du das nicht warst, ändere jetzt dein Passwort: { $link }
    {""}

# E-Mail-Adresse ändern: der Link an die neue Adresse.
mail-change-link-subject = Bestätige deine neue E-Mail-Adresse für Travel Planner
mail-change-link-body =
    Hallo,

    öffne diesen Link, um diese Adresse zur E-Mail-Adresse deines Travel-Planner-Kontos zu machen:

    { $link }

    Der Link gilt sieben Tage. Wenn du das nicht angefordert hast, ignoriere diese E-Mail: Ohne den Link ändert sich nichts.
    {""}

# E-Mail-Adresse ändern in eine, die schon ein anderes Konto hat: der Hinweis an dieses Konto.
mail-change-taken-subject = Jemand wollte deine Adresse bei Travel Planner verwenden
mail-change-taken-body =
    Hallo,

    jemand mit einem Travel-Planner-Konto wollte dessen E-Mail-Adresse in diese ändern, die bereits zu einem Konto gehört. Es wurde nichts geändert, und du musst nichts tun.
    {""}

# Eine Einladung, eine Reise gemeinsam zu planen. $role ist `editor` oder `viewer`.
mail-invitation-someone = Jemand
mail-invitation-subject = { $inviter } lädt dich ein, „{ $trip }“ mitzuplanen
mail-invitation-body =
    Hallo,

    { $inviter } lädt dich ein, „{ $trip }“ ({ $place }, { $dates }) auf Travel Planner mitzuplanen. { $role ->
        [editor] Du kannst die Reise und ihren Tagesplan ändern.
       *[viewer] Du kannst die Reise und ihren Tagesplan ansehen.
    }

    Öffne diesen Link, um anzunehmen oder abzulehnen:

    { $link }

    Falls du noch kein Konto hast, kannst du dort eins anlegen. Der Link gilt 7 Tage. Wenn du diese Einladung nicht erwartet hast, ignoriere diese E-Mail.
    {""}
